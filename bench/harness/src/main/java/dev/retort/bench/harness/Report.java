package dev.retort.bench.harness;

import dev.retort.bench.harness.Measurement.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's Markdown report: the set-up, one table per scenario, and the targets. */
final class Report {

  private static final long FOOTPRINT_TARGET_BYTES = 100 * 1024;

  private final String command;
  private final String loadBefore = loadAverage();
  private final List<Measurement> measurements = new ArrayList<>();
  private final Map<String, List<Path>> footprints = new LinkedHashMap<>();
  private final List<ProcessorCost.Result> processor = new ArrayList<>();

  Report(String command) {
    this.command = command;
  }

  void add(Measurement measurement) {
    measurements.add(measurement);
  }

  void footprint(String tool, List<Path> jars) {
    footprints.put(tool, jars);
  }

  void add(ProcessorCost.Result result) {
    processor.add(result);
  }

  String render() {
    StringBuilder md = new StringBuilder();
    md.append("Command: `").append(command).append("`, ").append(LocalDate.now()).append(".\n");
    md.append("Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs (")
        .append(cpuModel())
        .append("), ")
        .append(memory())
        .append("; Java ")
        .append(System.getProperty("java.runtime.version"))
        .append("; load average ")
        .append(loadBefore)
        .append(" before, ")
        .append(loadAverage())
        .append(" after.\n\n");
    md.append(
        "Each figure: median (min-max) of the runs after one warm-up, tools interleaved;"
            + " × = ratio of medians to plain JDBC in the same run.\n");
    for (Measurement m : measurements) table(md, m);
    footprintTable(md);
    processorTable(md);
    targets(md);
    return md.toString();
  }

  private static void table(StringBuilder md, Measurement m) {
    md.append("\n### ").append(m.title()).append("\n\n");
    if (m.warm()) {
      md.append("| tool | the call again, ms | × |\n|---|---:|---:|\n");
      for (Row r : m.rows()) {
        md.append("| ").append(r.tool());
        cell(md, r.inCallMillis(), m.baseline().inCallMillis(), "%.1f");
        md.append(" |\n");
      }
      return;
    }
    md.append("| tool | whole process, s | × | in the call, ms | × | peak RSS, MiB | × |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    Row base = m.baseline();
    for (Row r : m.rows()) {
      md.append("| ").append(r.tool());
      cell(md, r.wallSeconds(), base.wallSeconds(), "%.2f");
      cell(md, r.inCallMillis(), base.inCallMillis(), "%.1f");
      cell(md, r.rssMib(), base.rssMib(), "%.0f");
      md.append(" |\n");
    }
  }

  private static void cell(StringBuilder md, Stats s, Stats base, String format) {
    md.append(" | ")
        .append(String.format(format, s.median()))
        .append(" (")
        .append(String.format(format, s.min()))
        .append("-")
        .append(String.format(format, s.max()))
        .append(") | ")
        .append(String.format("%.2f", s.median() / base.median()));
  }

  private void footprintTable(StringBuilder md) {
    md.append(
        "\n"
            + "### Footprint: the tool's runtime class path, without what every process has (JDBC"
            + " drivers, HikariCP, slf4j-api, slf4j-simple)\n\n");
    md.append("| tool | jars | KiB | the jars |\n|---|---:|---:|---|\n");
    footprints.forEach(
        (tool, jars) ->
            md.append("| ")
                .append(tool)
                .append(" | ")
                .append(jars.size())
                .append(" | ")
                .append(String.format("%,.0f", bytes(jars) / 1024.0))
                .append(" | ")
                .append(
                    String.join(", ", jars.stream().map(j -> j.getFileName().toString()).toList()))
                .append(" |\n"));
  }

  private void processorTable(StringBuilder md) {
    md.append("\n### Processor cost: javac on the Retort revisions, whole process\n\n");
    md.append(
        "| revisions | -proc:none, s | a processor generating one empty class, s | adds | Retort's"
            + " processor, s | adds |\n");
    md.append("|---:|---:|---:|---:|---:|---:|\n");
    for (ProcessorCost.Result r : processor) {
      md.append(
          String.format(
              "| %,d | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %+.1f%% | %.2f (%.2f-%.2f) | %+.1f%%"
                  + " |%n",
              r.revisions(),
              r.without().median(),
              r.without().min(),
              r.without().max(),
              r.floor().median(),
              r.floor().min(),
              r.floor().max(),
              100 * r.floorAdded(),
              r.with().median(),
              r.with().min(),
              r.with().max(),
              100 * r.added()));
    }
  }

  private void targets(StringBuilder md) {
    md.append("\n### Targets\n\n");
    for (Measurement m : measurements) {
      Row retort = m.row(Toolbox.RETORT);
      if (m.warm()) {
        double again = retort.inCallMillis().median();
        target(md, m.title() + ": under 5 ms", again < 5, String.format("%.1f ms", again));
        continue;
      }
      double wall = retort.wallSeconds().median() / m.baseline().wallSeconds().median();
      double rss = retort.rssMib().median() / m.baseline().rssMib().median();
      if (m.title().startsWith("Cold")) {
        target(
            md,
            m.title() + ": whole process ≤ 1.2× plain JDBC",
            wall <= 1.2,
            String.format("%.2f×", wall));
      } else {
        target(
            md,
            m.title() + ": whole process ≤ 1.15× plain JDBC",
            wall <= 1.15,
            String.format("%.2f×", wall));
        double inCall = retort.inCallMillis().median();
        target(
            md,
            m.title() + ": under 5 ms in the call",
            inCall < 5,
            String.format("%.1f ms", inCall));
      }
      target(
          md, m.title() + ": peak RSS ≤ 1.3× plain JDBC", rss <= 1.3, String.format("%.2f×", rss));
    }
    long bytes = bytes(footprints.getOrDefault("retort", List.of()));
    target(
        md,
        "Runtime footprint ≤ 100 KB besides SLF4J",
        bytes <= FOOTPRINT_TARGET_BYTES,
        String.format("%,d bytes", bytes));
    if (!processor.isEmpty()) {
      ProcessorCost.Result largest = processor.get(processor.size() - 1);
      target(
          md,
          String.format("The processor adds < 10%% to javac at %,d revisions", largest.revisions()),
          largest.added() < 0.10,
          String.format(
              "%+.1f%% (javac's rounds alone, with a processor that generates one empty class:"
                  + " %+.1f%%)",
              100 * largest.added(), 100 * largest.floorAdded()));
    }
  }

  private static void target(StringBuilder md, String what, boolean met, String figure) {
    md.append("- ")
        .append(met ? "met" : "**missed**")
        .append(": ")
        .append(what)
        .append(": ")
        .append(figure)
        .append("\n");
  }

  private static long bytes(List<Path> jars) {
    long total = 0;
    for (Path jar : jars) {
      try {
        total += Files.size(jar);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return total;
  }

  private static String loadAverage() {
    return firstWords(Path.of("/proc/loadavg"), 3);
  }

  private static String cpuModel() {
    return grep(Path.of("/proc/cpuinfo"), "model name").replaceFirst(".*:\\s*", "");
  }

  private static String memory() {
    String kb = grep(Path.of("/proc/meminfo"), "MemTotal").replaceAll("[^0-9]", "");
    return kb.isEmpty()
        ? "memory unknown"
        : String.format("%.0f GiB", Long.parseLong(kb) / 1048576.0);
  }

  private static String firstWords(Path file, int n) {
    try {
      String[] words = Files.readString(file).trim().split("\\s+");
      return String.join(" ", List.of(words).subList(0, Math.min(n, words.length)));
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String grep(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith(prefix))
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }
}
