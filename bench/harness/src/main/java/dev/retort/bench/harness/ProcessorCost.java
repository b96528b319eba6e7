package dev.retort.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * What the annotation processor adds to a build: {@code javac} in a process of its own on the
 * workload's revision classes, with {@code -proc:none}, with a processor that only generates one
 * empty class (the floor for any processor that generates a source: javac's extra rounds), and with
 * Retort's processor, interleaved.
 */
final class ProcessorCost {

  private static final String JAVAC =
      Path.of(System.getProperty("java.home"), "bin", "javac").toString();

  /** Whole-process seconds without a processor, with the floor processor and with Retort's. */
  record Result(int revisions, Stats without, Stats floor, Stats with) {

    double added() {
      return with.median() / without.median() - 1;
    }

    double floorAdded() {
      return floor.median() / without.median() - 1;
    }
  }

  private static final String FLOOR_PROCESSOR =
      "package bench;\n\n"
          + "import java.io.IOException;\n"
          + "import java.io.UncheckedIOException;\n"
          + "import java.io.Writer;\n"
          + "import java.util.Set;\n"
          + "import javax.annotation.processing.AbstractProcessor;\n"
          + "import javax.annotation.processing.RoundEnvironment;\n"
          + "import javax.annotation.processing.SupportedAnnotationTypes;\n"
          + "import javax.lang.model.SourceVersion;\n"
          + "import javax.lang.model.element.TypeElement;\n\n"
          + "@SupportedAnnotationTypes(\"dev.retort.Revision\")\n"
          + "public final class FloorProcessor extends AbstractProcessor {\n"
          + "  private boolean written;\n\n"
          + "  @Override\n"
          + "  public SourceVersion getSupportedSourceVersion() {\n"
          + "    return SourceVersion.latestSupported();\n"
          + "  }\n\n"
          + "  @Override\n"
          + "  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment r)"
          + " {\n"
          + "    if (written || annotations.isEmpty()) return false;\n"
          + "    written = true;\n"
          + "    try (Writer w ="
          + " processingEnv.getFiler().createSourceFile(\"bench.Floor\").openWriter()) {\n"
          + "      w.write(\"package bench; final class Floor {}\");\n"
          + "    } catch (IOException e) {\n"
          + "      throw new UncheckedIOException(e);\n"
          + "    }\n"
          + "    return false;\n"
          + "  }\n"
          + "}\n";

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
    Path floorProcessor = compileFloorProcessor(dir.resolve("floor-processor"));
    List<Double> without = new ArrayList<>();
    List<Double> floor = new ArrayList<>();
    List<Double> with = new ArrayList<>();
    for (int run = 0; run <= runs; run++) {
      double plain = javac(common, List.of("-proc:none"), dir.resolve("plain"));
      double floored =
          javac(
              common,
              List.of(
                  "-processorpath",
                  floorProcessor.toString(),
                  "-processor",
                  "bench.FloorProcessor"),
              dir.resolve("floor"));
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
        floor.add(floored);
        with.add(processed);
      }
    }
    return new Result(workload.size(), Stats.of(without), Stats.of(floor), Stats.of(with));
  }

  private static Path compileFloorProcessor(Path dir) {
    Path source = dir.resolve("bench/FloorProcessor.java");
    Path classes = dir.resolve("classes");
    try {
      Files.createDirectories(source.getParent());
      Files.writeString(source, FLOOR_PROCESSOR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int exit =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "--release", "17", "-d", classes.toString(), source.toString());
    if (exit != 0) throw new IllegalStateException("the floor processor does not compile");
    return classes;
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
