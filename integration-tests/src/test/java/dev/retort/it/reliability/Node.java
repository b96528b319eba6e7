package dev.retort.it.reliability;

import java.util.List;

/**
 * One revision of a fuzzed graph.
 *
 * @param id its id
 * @param revises what it revises
 * @param dependsOn what it depends on
 * @param labels its branch labels
 */
record Node(String id, List<String> revises, List<String> dependsOn, List<String> labels) {

  @Override
  public String toString() {
    return id
        + (revises.isEmpty() ? "" : "<" + revises)
        + (dependsOn.isEmpty() ? "" : "~" + dependsOn)
        + (labels.isEmpty() ? "" : "@" + labels);
  }
}
