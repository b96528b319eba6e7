package dev.retort.bench.harness;

import java.util.List;

/** Median, minimum and maximum of a series of measurements. */
record Stats(double median, double min, double max) {

  static Stats of(List<Double> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("no measurements");
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(median, sorted.get(0), sorted.get(n - 1));
  }
}
