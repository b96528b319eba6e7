package dev.retort.bench.harness;

import dev.retort.bench.harness.Launcher.Sample;
import dev.retort.bench.harness.Measurement.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Runs the benchmark and prints its Markdown report. Every figure is the median of {@code runs}
 * runs after one warm-up run, the tools interleaved within each run.
 *
 * <p>Usage: {@code Bench BENCH_DIR WORK_DIR [--quick | --processor] [--out FILE]}; {@code
 * --processor} measures only the processor's cost, at 10,000 revisions.
 */
public final class Bench {

  /** The no-op start is measured with this many revisions applied. */
  private static final int NO_OP_SIZE = 1000;

  private final Toolbox toolbox;
  private final Launcher launcher;
  private final Path work;
  private final int runs;

  private Bench(Path benchDir, Path work, int runs) {
    this.toolbox = new Toolbox(benchDir);
    this.launcher = new Launcher(work.resolve("process.log"));
    this.work = work;
    this.runs = runs;
  }

  public static void main(String[] args) throws IOException {
    Path benchDir = Path.of(args[0]);
    Path work = Path.of(args[1]);
    boolean quick = List.of(args).contains("--quick");
    boolean processorOnly = List.of(args).contains("--processor");
    int out = List.of(args).indexOf("--out");
    Files.createDirectories(work);
    Report report =
        new Report(
            quick
                ? "bench/run.sh --quick"
                : processorOnly ? "bench/run.sh --processor" : "bench/run.sh");
    Bench bench = new Bench(benchDir, work, quick ? 3 : 5);
    if (processorOnly) {
      bench.processorCost(report, List.of(10_000));
    } else {
      bench.run(
          report,
          quick ? List.of(100) : List.of(100, NO_OP_SIZE),
          quick ? List.of(1000) : List.of(1000, 10_000));
    }
    String markdown = report.render();
    System.out.println(markdown);
    if (out >= 0) Files.writeString(Path.of(args[out + 1]), markdown);
  }

  private void run(Report report, List<Integer> coldSizes, List<Integer> processorSizes) {
    Map<Integer, List<Tool>> tools = new LinkedHashMap<>();
    for (int size : new TreeSet<>(union(coldSizes, NO_OP_SIZE))) {
      progress("generating and compiling " + size + " migrations for each tool");
      tools.put(size, toolbox.prepare(new Workload(size), work.resolve("workload-" + size)));
    }
    try (Database sqlite = new SqliteFiles(work.resolve("sqlite"));
        Database postgres = new PostgresServer()) {
      for (Database db : List.of(sqlite, postgres)) {
        for (int size : coldSizes) {
          report.add(coldApply(db, size, tools.get(size)));
        }
        noOpStart(db, NO_OP_SIZE, tools.get(NO_OP_SIZE)).forEach(report::add);
      }
    }
    for (String module : List.of("retort", "flyway", "liquibase")) {
      report.footprint(module, toolbox.footprint(module));
    }
    processorCost(report, processorSizes);
  }

  private void processorCost(Report report, List<Integer> processorSizes) {
    ProcessorCost processor = new ProcessorCost(toolbox, work.resolve("javac.log"));
    for (int size : processorSizes) {
      progress("javac on " + size + " revisions, without and with the processor");
      report.add(processor.measure(new Workload(size), work.resolve("javac-" + size), runs));
    }
  }

  private static List<Integer> union(List<Integer> sizes, int size) {
    List<Integer> all = new ArrayList<>(sizes);
    all.add(size);
    return all;
  }

  /** Each tool migrates a fresh database from nothing to revision N. */
  private Measurement coldApply(Database db, int size, List<Tool> tools) {
    String title = "Cold apply, N = " + String.format("%,d", size) + ", " + db.name();
    progress(title);
    Map<Tool, List<Sample>> samples = new LinkedHashMap<>();
    for (int run = 0; run <= runs; run++) {
      for (Tool tool : tools) {
        String url = db.fresh();
        Sample sample = runChecked(db, tool, url, size, false);
        db.drop(url);
        if (run > 0) samples.computeIfAbsent(tool, t -> new ArrayList<>()).add(sample);
      }
    }
    return measurement(title, false, samples);
  }

  /**
   * Each tool starts on a database it has already migrated to revision N: nothing to do. Then the
   * same again with the call repeated in the warm JVM, which shows the call's own cost without
   * class loading and JIT warm-up.
   */
  private List<Measurement> noOpStart(Database db, int size, List<Tool> tools) {
    String title = "No-op start, N = " + String.format("%,d", size) + " applied, " + db.name();
    progress(title);
    Map<Tool, String> urls = new LinkedHashMap<>();
    for (Tool tool : tools) {
      urls.put(tool, db.fresh());
      runChecked(db, tool, urls.get(tool), size, false);
    }
    List<Measurement> measurements = new ArrayList<>();
    for (boolean again : List.of(false, true)) {
      Map<Tool, List<Sample>> samples = new LinkedHashMap<>();
      for (int run = 0; run <= runs; run++) {
        for (Tool tool : tools) {
          Sample sample = runChecked(db, tool, urls.get(tool), size, again);
          if (run > 0) samples.computeIfAbsent(tool, t -> new ArrayList<>()).add(sample);
        }
      }
      measurements.add(
          measurement(again ? title + ", the call again in a warm JVM" : title, again, samples));
    }
    urls.values().forEach(db::drop);
    return measurements;
  }

  /** Runs {@code tool} and checks that the database then holds exactly the N workload tables. */
  private Sample runChecked(Database db, Tool tool, String url, int size, boolean again) {
    Sample sample = launcher.run(tool, url, again);
    int tables = db.workloadTables(url);
    if (tables != size) {
      throw new IllegalStateException(
          tool.name() + " left " + tables + " workload tables instead of " + size + " in " + url);
    }
    return sample;
  }

  private static Measurement measurement(
      String title, boolean warm, Map<Tool, List<Sample>> samples) {
    List<Row> rows = new ArrayList<>();
    samples.forEach(
        (tool, list) ->
            rows.add(
                new Row(
                    tool.name(),
                    stats(list, s -> s.wallNanos() / 1e9),
                    stats(list, s -> (warm ? s.againNanos() : s.inCallNanos()) / 1e6),
                    stats(list, s -> s.peakRssKb() / 1024.0))));
    return new Measurement(title, warm, rows);
  }

  private static Stats stats(List<Sample> samples, ToDoubleFunction<Sample> figure) {
    return Stats.of(samples.stream().map(s -> figure.applyAsDouble(s)).toList());
  }

  private static void progress(String what) {
    System.err.println("[bench] " + what);
  }
}
