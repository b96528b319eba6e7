package dev.retort.testkit;

import java.util.List;

/**
 * One revision of a test graph as declared: the annotation values that make the graph, nothing
 * else. The conformance data's revisions and the fuzzed graphs are lists of these.
 *
 * @param id the revision id
 * @param revises what it revises (Alembic's down_revision)
 * @param dependsOn what it depends on
 * @param branchLabels its branch labels
 */
public record Node(
    String id, List<String> revises, List<String> dependsOn, List<String> branchLabels) {

  /** The lists are copied; a missing one (as JSON may have it) is empty. */
  public Node {
    revises = revises == null ? List.of() : List.copyOf(revises);
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
  }

  /** {@code id<[revises]~[dependsOn]@[labels]}, each part only when present: a graph on a line. */
  @Override
  public String toString() {
    return id
        + (revises.isEmpty() ? "" : "<" + revises)
        + (dependsOn.isEmpty() ? "" : "~" + dependsOn)
        + (branchLabels.isEmpty() ? "" : "@" + branchLabels);
  }
}
