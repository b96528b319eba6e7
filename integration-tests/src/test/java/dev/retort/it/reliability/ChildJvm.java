package dev.retort.it.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM running {@link MigratorMain}, with this JVM's java and class path plus the
 * directory of a compiled test registry. Its output goes to files, so a killed child leaves
 * everything it printed readable.
 */
final class ChildJvm {

  /** The compiled registry's class name (see {@code RegistryCompiler}). */
  static final String REGISTRY = "it.generated.Registry";

  private final Process process;
  private final Path out;
  private final Path err;

  private ChildJvm(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts a child that upgrades {@code url} with the registry compiled into {@code classes}.
   *
   * @param barrier the file to wait for before starting, or {@code null} to start at once
   */
  static ChildJvm start(Path classes, String url, Path barrier, Path logs, String name) {
    return start(classes, url, barrier, logs, name, List.of());
  }

  /**
   * As {@link #start(Path, String, Path, Path, String)}, with JVM options such as {@code -Dx=y}.
   */
  static ChildJvm start(
      Path classes, String url, Path barrier, Path logs, String name, List<String> jvmOptions) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Surefire may run tests from a manifest-only jar; its own property holds the real path.
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(java);
    // Small and quick to start: eight of these share two cores with the build.
    command.addAll(List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classes + File.pathSeparator + classPath);
    command.add(MigratorMain.class.getName());
    command.add(url);
    command.add(REGISTRY);
    command.add(barrier == null ? "-" : barrier.toString());
    try {
      Files.createDirectories(logs);
      Path out = logs.resolve(name + ".out");
      Path err = logs.resolve(name + ".err");
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      return new ChildJvm(process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines printed so far. */
  List<String> lines() {
    try {
      return Files.readAllLines(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a line equal to {@code line} was printed. */
  boolean printed(String line) {
    return lines().contains(line);
  }

  /** Waits until {@code line} was printed, the child ended, or {@code millis} passed. */
  boolean awaitLine(String line, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (printed(line)) return true;
      if (!process.isAlive()) return printed(line);
      Thread.sleep(2);
    }
    return false;
  }

  /**
   * Waits until {@code count} lines starting with {@code prefix} were printed, as {@link
   * #awaitLine}.
   */
  boolean awaitPrefix(String prefix, int count, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (lines().stream().filter(l -> l.startsWith(prefix)).count() >= count) return true;
      if (!process.isAlive()) break;
      Thread.sleep(1);
    }
    return lines().stream().filter(l -> l.startsWith(prefix)).count() >= count;
  }

  /** Waits for the exit code; kills the child and fails if it takes longer than {@code seconds}. */
  int exitCode(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("child did not finish in " + seconds + " s:\n" + describe());
    }
    return process.exitValue();
  }

  /** SIGKILL: the child gets no chance to roll back, unlock or close anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the child printed, for failure messages. */
  String describe() {
    try {
      return "stdout:\n"
          + String.join("\n", lines())
          + "\nstderr:\n"
          + Files.readString(err, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }
}
