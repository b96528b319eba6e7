package dev.retort.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the annotation processor adds to a build: {@code javac} in a process of its own on the
 * workload's revision classes, once with {@code -proc:none} and once with the processor,
 * interleaved.
 */
final class ProcessorCost {

  private static final String JAVAC =
      Path.of(System.getProperty("java.home"), "bin", "javac").toString();

  /** Medians of whole-process seconds without and with the processor. */
  record Result(int revisions, Stats without, Stats with) {

    double added() {
      return with.median() / without.median() - 1;
    }
  }

  private final Toolbox toolbox;
  private final Path log;

  ProcessorCost(Toolbox toolbox, Path log) {
    this.toolbox = toolbox;
    this.log = log;
  }

  Result measure(Workload workload, Path dir, int runs) {
    List<Path> revisions = workload.writeRetort(dir.resolve("src"));
    Path sources = dir.resolve("sources.txt");
    write(sources, revisions);
    List<String> common =
        List.of("--release", "17", "-cp", Toolbox.join(toolbox.retortJars()), "@" + sources);
    List<Double> without = new ArrayList<>();
    List<Double> with = new ArrayList<>();
    for (int run = 0; run <= runs; run++) {
      double plain = javac(common, List.of("-proc:none"), dir.resolve("plain"));
      double processed =
          javac(
              common,
              List.of(
                  "-processorpath",
                  Toolbox.join(toolbox.processorPath()),
                  "-Aretort.registry=" + Workload.PACKAGE + ".RetortMigrations"),
              dir.resolve("processed"));
      if (run > 0) {
        without.add(plain);
        with.add(processed);
      }
    }
    return new Result(workload.size(), Stats.of(without), Stats.of(with));
  }

  /** Seconds one javac process takes, writing into a fresh {@code out}. */
  private double javac(List<String> common, List<String> options, Path out) {
    List<String> command = new ArrayList<>(List.of(JAVAC, "-d", out.toString()));
    command.addAll(options);
    command.addAll(common);
    try {
      Files.createDirectories(out);
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      int exit = process.waitFor();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (exit != 0) {
        throw new IllegalStateException(
            "javac exited with " + exit + ":\n" + Files.readString(log));
      }
      return seconds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void write(Path file, List<Path> sources) {
    try {
      Files.write(file, sources.stream().map(Path::toString).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
