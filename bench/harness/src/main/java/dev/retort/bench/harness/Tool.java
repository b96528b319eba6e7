package dev.retort.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A measured program: a main class and its class path, the tool's own runtime class path ({@code
 * bench/TOOL/target/lib}, as Maven resolves it for an application) plus the bench's runner jar and
 * the workload's generated classes.
 */
record Tool(String name, String mainClass, List<Path> classPath, List<String> args) {

  /** The jars of the bench module {@code module} under {@code benchDir}. */
  static List<Path> moduleJars(Path benchDir, String module) {
    Path target = benchDir.resolve(module).resolve("target");
    List<Path> jars = new ArrayList<>(jars(target));
    jars.addAll(jars(target.resolve("lib")));
    return jars;
  }

  /** The jars directly in {@code dir}, sorted by name. */
  static List<Path> jars(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          dir + " is missing: build the benchmarks first (bench/run.sh)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String classPathString() {
    return String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList());
  }
}
