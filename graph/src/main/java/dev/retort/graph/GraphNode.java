package dev.retort.graph;

import java.util.List;
import java.util.Objects;

/**
 * One revision as the graph sees it: its id and its edges, nothing else.
 *
 * @param id the revision id
 * @param revises the revisions it follows
 * @param dependsOn the revisions it depends on without following them
 * @param branchLabels the branch labels it declares
 * @param origin where it is declared, such as its class name, for messages; may be empty
 */
public record GraphNode(
    String id,
    List<String> revises,
    List<String> dependsOn,
    List<String> branchLabels,
    String origin) {

  /** Copies the lists so that a node is immutable. */
  public GraphNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(origin, "origin");
    revises = List.copyOf(revises);
    dependsOn = List.copyOf(dependsOn);
    branchLabels = List.copyOf(branchLabels);
  }

  /** A node with no origin. */
  public GraphNode(
      String id, List<String> revises, List<String> dependsOn, List<String> branchLabels) {
    this(id, revises, dependsOn, branchLabels, "");
  }
}
