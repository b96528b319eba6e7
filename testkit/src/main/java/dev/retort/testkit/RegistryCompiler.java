package dev.retort.testkit;

import dev.retort.MigrationRegistry;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac with the real Retort processor, in process, as a user's build runs them: compiles revision
 * classes, and loads the registry the processor generates (see {@link Compiled}).
 *
 * <p>The processor comes from the test class path of the module that uses this (service {@code
 * javax.annotation.processing.Processor}), a fresh instance per run, so that the test kit need not
 * depend on retort-processor, whose own tests use the kit. One instance keeps one file manager open
 * for all its runs, which makes hundreds of small compilations quick; it is not thread-safe.
 */
public final class RegistryCompiler implements AutoCloseable {

  /** The package of the revisions {@link #compile(Path, List)} writes. */
  public static final String PACKAGE = "it.generated";

  private static final String PROCESSOR = "dev.retort.processor.RevisionProcessor";

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final StandardJavaFileManager files =
      javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
  private final String classPath;
  private final Supplier<? extends Processor> processor;

  /** javac over the test's own class path, with the Retort processor found on it. */
  public RegistryCompiler() {
    this(testClassPath(), RegistryCompiler::retortProcessor);
  }

  /** javac over {@code classPath} only, with the Retort processor from the test class path. */
  public RegistryCompiler(List<Path> classPath) {
    this(
        classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
        RegistryCompiler::retortProcessor);
  }

  /** javac over {@code classPath}, with a new processor from {@code processor} for each run. */
  public RegistryCompiler(String classPath, Supplier<? extends Processor> processor) {
    this.classPath = classPath;
    this.processor = processor;
  }

  /**
   * Compiles in-memory {@code sources} into {@code out} with {@code --release 17}, the class path
   * and {@code options} (such as {@code -Aretort.registry=...}).
   */
  public Compiled run(Path out, List<String> options, List<? extends JavaFileObject> sources) {
    try {
      Files.createDirectories(out);
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(out.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-classpath", classPath));
    arguments.addAll(options);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler.CompilationTask task =
        javac.getTask(null, files, diagnostics, arguments, null, sources);
    task.setProcessors(List.of(processor.get()));
    // An exception out of the processor propagates from here and fails the test.
    boolean success = task.call();
    return new Compiled(success, diagnostics.getDiagnostics(), out);
  }

  /** Compiles the source files {@code sources}, as {@link #run(Path, List, List)}. */
  public Compiled runFiles(Path out, List<String> options, List<Path> sources) {
    List<JavaFileObject> units = new ArrayList<>();
    files.getJavaFileObjectsFromPaths(sources).forEach(units::add);
    return run(out, options, units);
  }

  @Override
  public void close() {
    try {
      files.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The registry {@code it.generated.Registry} of {@code revisions}, compiled into {@code
   * workDir/classes}.
   */
  public static MigrationRegistry compile(Path workDir, List<RevisionSpec> revisions) {
    return compile(workDir, PACKAGE, revisions);
  }

  /**
   * The registry {@code pkg.Registry} of {@code revisions}, classes {@code pkg.Revision0} on,
   * compiled into {@code workDir/classes} over the test class path; parallel heads only warn. Fails
   * the test when javac fails.
   */
  public static MigrationRegistry compile(Path workDir, String pkg, List<RevisionSpec> revisions) {
    String registry = pkg + ".Registry";
    try (RegistryCompiler compiler = new RegistryCompiler()) {
      Compiled compiled =
          compiler.run(
              workDir.resolve("classes"),
              List.of(
                  "-Aretort.registry=" + registry,
                  "-Aretort.multipleHeads=warn",
                  "-Xlint:-options"),
              RevisionSources.sources(pkg, revisions));
      if (!compiled.success()) {
        throw new AssertionError("the test graph did not compile:\n" + compiled.describe());
      }
      return compiled.registry(registry);
    }
  }

  /** The test JVM's class path; surefire may run tests from a manifest-only jar and says so. */
  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** A new Retort processor, from the class path's processor services. */
  private static Processor retortProcessor() {
    try (Stream<ServiceLoader.Provider<Processor>> providers =
        ServiceLoader.load(Processor.class, RegistryCompiler.class.getClassLoader()).stream()) {
      return providers
          .filter(p -> p.type().getName().equals(PROCESSOR))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      PROCESSOR
                          + " is not on the test class path: add retort-processor to the module's"
                          + " test dependencies"))
          .get();
    }
  }
}
