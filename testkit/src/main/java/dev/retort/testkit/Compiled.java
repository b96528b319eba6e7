package dev.retort.testkit;

import dev.retort.MigrationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * What one {@link RegistryCompiler} run left: javac's verdict, its diagnostics, and the folder of
 * class files and generated sources.
 *
 * @param success whether javac succeeded
 * @param diagnostics every diagnostic, in javac's order
 * @param classes the folder of class files and generated sources
 */
public record Compiled(
    boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes) {

  /** The diagnostics are copied. */
  public Compiled {
    diagnostics = List.copyOf(diagnostics);
  }

  /** The error messages, in javac's order. */
  public List<String> errors() {
    return messages(Diagnostic.Kind.ERROR);
  }

  /** The warning messages (mandatory ones included), in javac's order. */
  public List<String> warnings() {
    List<String> warnings = messages(Diagnostic.Kind.WARNING);
    warnings.addAll(messages(Diagnostic.Kind.MANDATORY_WARNING));
    return warnings;
  }

  private List<String> messages(Diagnostic.Kind kind) {
    return diagnostics.stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  /** Every diagnostic as javac would print it, for failure messages. */
  public String describe() {
    return diagnostics.stream()
        .map(
            d ->
                d.getKind()
                    + " "
                    + (d.getSource() == null ? "" : d.getSource().getName() + ":")
                    + d.getLineNumber()
                    + ": "
                    + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /** Whether the run wrote a class file of this binary name. */
  public boolean hasClass(String binaryName) {
    return Files.exists(classes.resolve(binaryName.replace('.', '/') + ".class"));
  }

  /**
   * The generated registry's instance, from its static {@code registry()}, in a class loader over
   * {@link #classes} whose parent is the test's: compiled revisions see the test's classes. Test
   * code only: loading a class compiled at test time needs a class loader and a method handle,
   * which the runtime itself never uses.
   */
  public MigrationRegistry registry(String binaryName) {
    try {
      URLClassLoader loader =
          new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compiled.class.getClassLoader());
      return (MigrationRegistry)
          MethodHandles.publicLookup()
              .findStatic(
                  loader.loadClass(binaryName),
                  "registry",
                  MethodType.methodType(MigrationRegistry.class))
              .invoke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Throwable e) {
      throw new AssertionError("could not load the generated registry " + binaryName, e);
    }
  }
}
