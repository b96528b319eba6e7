package dev.retort.bench.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The measured tools for one workload: generates the workload's migrations for each tool, compiles
 * them against that tool's class path (Retort's with its annotation processor), and describes how
 * to run each.
 */
final class Toolbox {

  static final String JDBC = "plain JDBC";
  static final String RETORT = "Retort";
  static final String FLYWAY_SCAN = "Flyway (scanning)";
  static final String FLYWAY_EXPLICIT = "Flyway (explicit)";
  static final String LIQUIBASE = "Liquibase";

  private final Path benchDir;

  Toolbox(Path benchDir) {
    this.benchDir = benchDir;
  }

  /** Generates and compiles {@code workload} under {@code dir}; returns the tools, JDBC first. */
  List<Tool> prepare(Workload workload, Path dir) {
    Path retortClasses = dir.resolve("retort/classes");
    workload.writeRetort(dir.resolve("retort/src"));
    javac(
        sources(dir.resolve("retort/src")),
        retortJars(),
        List.of(
            "-processorpath",
            join(processorPath()),
            "-Aretort.registry=" + Workload.PACKAGE + ".RetortMigrations"),
        retortClasses);
    Path flywayClasses = dir.resolve("flyway/classes");
    workload.writeFlyway(dir.resolve("flyway/src"));
    javac(sources(dir.resolve("flyway/src")), jars("flyway"), List.of(), flywayClasses);
    Path changelog = dir.resolve("liquibase");
    workload.writeLiquibase(changelog);
    return List.of(
        new Tool(
            JDBC,
            "dev.retort.bench.jdbc.JdbcRun",
            jars("jdbc"),
            List.of(String.valueOf(workload.size()))),
        new Tool(
            RETORT, Workload.PACKAGE + ".RetortMain", with(retortClasses, retortJars()), List.of()),
        new Tool(
            FLYWAY_SCAN,
            "dev.retort.bench.flyway.FlywayRun",
            with(flywayClasses, jars("flyway")),
            List.of()),
        new Tool(
            FLYWAY_EXPLICIT,
            Workload.PACKAGE + ".FlywayExplicitMain",
            with(flywayClasses, jars("flyway")),
            List.of()),
        new Tool(
            LIQUIBASE,
            "dev.retort.bench.liquibase.LiquibaseRun",
            with(changelog, jars("liquibase")),
            List.of()));
  }

  /** Retort's runtime class path, as an application has it. */
  List<Path> retortJars() {
    return jars("retort");
  }

  /** The annotation processor and what it needs. */
  List<Path> processorPath() {
    List<Path> path = new ArrayList<>(Tool.jars(benchDir.resolve("retort/target/processor")));
    path.addAll(retortJars());
    return path;
  }

  /**
   * Each tool's runtime jars without the JDBC drivers and the bench's own jars: what the tool adds
   * to an application, by tool name.
   */
  List<Path> footprint(String module) {
    List<String> shared =
        Tool.jars(benchDir.resolve("jdbc/target/lib")).stream()
            .map(p -> p.getFileName().toString())
            .toList();
    return Tool.jars(benchDir.resolve(module).resolve("target/lib")).stream()
        .filter(jar -> !shared.contains(jar.getFileName().toString()))
        .toList();
  }

  private List<Path> jars(String module) {
    return Tool.moduleJars(benchDir, module);
  }

  private static List<Path> with(Path first, List<Path> rest) {
    List<Path> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** Every {@code .java} file under {@code dir}. */
  static List<Path> sources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String join(List<Path> path) {
    return String.join(File.pathSeparator, path.stream().map(Path::toString).toList());
  }

  private static void javac(
      List<Path> sources, List<Path> classPath, List<String> options, Path out) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(
            List.of("--release", "17", "-nowarn", "-cp", join(classPath), "-d", out.toString()));
    args.addAll(options);
    sources.forEach(s -> args.add(s.toString()));
    if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException(
          "the generated sources in " + sources.get(0).getParent() + " do not compile");
    }
  }
}
