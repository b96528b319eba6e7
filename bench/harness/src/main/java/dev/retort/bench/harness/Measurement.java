package dev.retort.bench.harness;

import java.util.List;

/**
 * One table of the report: a scenario's figures per tool, the first row being the baseline the
 * others are compared with.
 */
record Measurement(String title, boolean warm, List<Row> rows) {

  /**
   * A tool's figures: whole-process seconds, in-call milliseconds, peak RSS in MiB; for a warm
   * measurement, the in-call figure is the repeated call's.
   */
  record Row(String tool, Stats wallSeconds, Stats inCallMillis, Stats rssMib) {}

  Row baseline() {
    return rows.get(0);
  }

  Row row(String tool) {
    return rows.stream()
        .filter(r -> r.tool().equals(tool))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row for " + tool + " in " + title));
  }
}
