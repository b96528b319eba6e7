package dev.retort.bench.harness;

import dev.retort.bench.probe.Probe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a tool in a JVM of its own and times it from start to exit. */
final class Launcher {

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private final Path log;

  /**
   * @param log where each process's output goes; shown when a process fails
   */
  Launcher(Path log) {
    this.log = log;
  }

  /**
   * One run's figures.
   *
   * @param againNanos the call repeated in the same, warm JVM; -1 unless asked for
   */
  record Sample(long wallNanos, long inCallNanos, long againNanos, long peakRssKb) {}

  /** Runs {@code tool} on {@code url}; {@code again}: repeat the call once the JVM is warm. */
  Sample run(Tool tool, String url, boolean again) {
    List<String> command =
        new ArrayList<>(
            List.of(
                JAVA,
                "-Dbench.again=" + again,
                "-cp",
                tool.classPathString(),
                tool.mainClass(),
                url));
    command.addAll(tool.args());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      long start = System.nanoTime();
      Process process = builder.start();
      int exit = process.waitFor();
      long wall = System.nanoTime() - start;
      List<String> output = Files.readAllLines(log);
      if (exit != 0) {
        throw new IllegalStateException(
            tool.name() + " exited with " + exit + " on " + url + "; its output:\n" + tail(output));
      }
      String report =
          output.stream()
              .filter(line -> line.startsWith(Probe.MARKER))
              .reduce((first, second) -> second)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          tool.name() + " printed no report:\n" + tail(output)));
      return new Sample(
          wall,
          field(report, "in_call_ns"),
          field(report, "again_ns"),
          field(report, "peak_rss_kb"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static long field(String report, String name) {
    for (String part : report.split(" ")) {
      if (part.startsWith(name + "=")) return Long.parseLong(part.substring(name.length() + 1));
    }
    throw new IllegalStateException("no " + name + " in " + report);
  }

  private static String tail(List<String> lines) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
