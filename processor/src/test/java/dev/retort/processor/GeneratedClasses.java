package dev.retort.processor;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Loads the class files of a compilation from memory and records every class it is asked for, so
 * that a test can tell which classes the generated registry touched.
 */
public final class GeneratedClasses extends ClassLoader {

  private final Map<String, byte[]> classes = new HashMap<>();
  private final List<String> requested = new ArrayList<>();

  /** The class files of {@code compilation}; API classes come from the test's class path. */
  public GeneratedClasses(Compilation compilation) {
    super(GeneratedClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) continue;
      // Names look like /CLASS_OUTPUT/p/Outer$Inner.class.
      String path = file.toUri().getPath();
      String relative = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
      String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
      classes.put(name, read(file));
    }
  }

  private GeneratedClasses(Map<String, byte[]> classes) {
    super(GeneratedClasses.class.getClassLoader());
    this.classes.putAll(classes);
  }

  /**
   * The class files below {@code folder}, a folder of the class path such as {@code /compat/v1}
   * laid out by package; API classes come from the test's class path.
   */
  public static GeneratedClasses inResourceFolder(String folder) {
    URL url = GeneratedClasses.class.getResource(folder);
    if (url == null) throw new IllegalStateException("no class path folder " + folder);
    try {
      Path root = Path.of(url.toURI());
      Map<String, byte[]> classes = new HashMap<>();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          String relative = root.relativize(file).toString().replace(File.separatorChar, '.');
          classes.put(
              relative.substring(0, relative.length() - ".class".length()),
              Files.readAllBytes(file));
        }
      }
      return new GeneratedClasses(classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("not a folder: " + url, e);
    }
  }

  private static byte[] read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      requested.add(name);
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = classes.containsKey(name) ? findClass(name) : getParent().loadClass(name);
      }
      if (resolve) resolveClass(loaded);
      return loaded;
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) throw new ClassNotFoundException(name);
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** Whether the compilation produced a class of this binary name. */
  public boolean has(String binaryName) {
    return classes.containsKey(binaryName);
  }

  /** Every class name this loader was asked for so far, in order, repeats included. */
  public synchronized List<String> requested() {
    return List.copyOf(requested);
  }

  /** The registry instance from the generated class's static {@code registry()} accessor. */
  public dev.retort.MigrationRegistry registry(String binaryName) {
    try {
      Class<?> type = loadClass(binaryName);
      return (dev.retort.MigrationRegistry) type.getMethod("registry").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot call " + binaryName + ".registry()", e);
    }
  }
}
