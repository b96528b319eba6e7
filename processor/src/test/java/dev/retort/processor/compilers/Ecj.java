package dev.retort.processor.compilers;

import dev.retort.processor.Fixtures;
import dev.retort.processor.RevisionProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The Eclipse compiler with the Retort processor, through {@code javax.tools}, over fixtures
 * written to files (it reads sources from files, not from memory).
 *
 * @param success whether it compiled
 * @param diagnostics what it reported
 * @param out the folder of its classes and generated sources
 */
record Ecj(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path out) {

  /**
   * Compiles {@code sources} into {@code dir/out}, with their folder {@code dir/src} on the source
   * path when {@code sourcePath} says so.
   */
  static Ecj compile(
      Path dir, boolean sourcePath, List<String> options, List<JavaFileObject> sources) {
    return compile(dir, sourcePath, Optional.empty(), options, sources);
  }

  /**
   * Compiles {@code sources} as {@link #compile(Path, boolean, List, List)} does, with {@code
   * classes} (an earlier output folder) on the class path, as an IDE compiles what changed.
   */
  static Ecj compile(
      Path dir,
      boolean sourcePath,
      Optional<Path> classes,
      List<String> options,
      List<JavaFileObject> sources) {
    JavaCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        ecj.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<File> written = new ArrayList<>();
      for (JavaFileObject source : sources) {
        Path file = dir.resolve("src").resolve(relativePath(source));
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getCharContent(true));
        written.add(file.toFile());
      }
      Path out = dir.resolve("out");
      Files.createDirectories(out);
      List<String> arguments =
          new ArrayList<>(
              List.of(
                  "--release",
                  "17",
                  "-cp",
                  Fixtures.api() + classes.map(c -> File.pathSeparator + c).orElse(""),
                  "-d",
                  out.toString(),
                  "-s",
                  out.toString()));
      if (sourcePath) arguments.addAll(List.of("-sourcepath", dir.resolve("src").toString()));
      arguments.addAll(options);
      JavaCompiler.CompilationTask task =
          ecj.getTask(
              null,
              files,
              diagnostics,
              arguments,
              null,
              files.getJavaFileObjectsFromFiles(written));
      task.setProcessors(List.of(new RevisionProcessor()));
      return new Ecj(task.call(), diagnostics.getDiagnostics(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code com/acme/db/CreateUsers.java} for a fixture of that class. */
  static String relativePath(JavaFileObject source) {
    String path = source.toUri().getPath();
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** The generated source of {@code qualifiedName}, if there is one. */
  Optional<String> generated(String qualifiedName) {
    Path file = out.resolve(qualifiedName.replace('.', '/') + ".java");
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The diagnostics of {@code kind}, each as {@code File.java:LINE MESSAGE}. */
  List<String> shown(Diagnostic.Kind kind) {
    return diagnostics.stream().filter(d -> d.getKind() == kind).map(Ecj::shown).toList();
  }

  /** {@code File.java:LINE MESSAGE}, as the tests compare javac's and ECJ's diagnostics. */
  static String shown(Diagnostic<? extends JavaFileObject> d) {
    String file =
        d.getSource() == null ? "" : Path.of(d.getSource().getName()).getFileName().toString();
    return file + ":" + d.getLineNumber() + " " + d.getMessage(Locale.ROOT);
  }
}
