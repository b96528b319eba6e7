package dev.retort.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A compilation that hands javac some classes by name, read from class files, as Gradle's
 * incremental compile does with the unchanged types an aggregating processor saw before, and the
 * rest as sources.
 *
 * @param success whether javac succeeded
 * @param diagnostics what javac reported
 * @param out the folder of the classes and generated sources
 */
public record ByName(
    boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path out) {

  /**
   * Compiles {@code sources} (files) and the classes {@code byName} found in {@code classes} with
   * {@code processor} and {@code options} into {@code out}.
   */
  public static ByName compile(
      Processor processor,
      List<String> options,
      Path classes,
      List<String> byName,
      List<Path> sources,
      Path out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Files.createDirectories(out);
      List<String> arguments =
          new ArrayList<>(
              List.of(
                  "-d",
                  out.toString(),
                  "-s",
                  out.toString(),
                  "-classpath",
                  Fixtures.api() + File.pathSeparator + classes));
      arguments.addAll(options);
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostics,
              arguments,
              byName,
              files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(processor));
      return new ByName(task.call(), diagnostics.getDiagnostics(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles {@code sources} into {@code out} without any processor. */
  public static void classes(List<Path> sources, Path out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments =
        new ArrayList<>(
            List.of("-proc:none", "-d", out.toString(), "-classpath", Fixtures.api().toString()));
    sources.forEach(s -> arguments.add(s.toString()));
    if (javac.run(null, null, null, arguments.toArray(new String[0])) != 0) {
      throw new AssertionError("did not compile: " + sources);
    }
  }

  /** The warnings' texts. */
  public List<String> warnings() {
    return diagnostics.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  /** The text of the generated source {@code relativePath}. */
  public String generated(String relativePath) {
    try {
      return Files.readString(out.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
