package dev.retort.runtime.cli;

import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.graph.GraphNode;
import dev.retort.graph.RevisionGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry's revisions with the graph questions the command line's output asks: is this a head,
 * a branch point, a merge point, which labels does it carry. The answers come from the shared
 * {@link RevisionGraph}, never from a second implementation of its rules.
 */
final class GraphView {

  private final RevisionGraph graph;
  private final Map<String, RevisionInfo> revisions = new LinkedHashMap<>();
  private final Set<String> heads;
  private final Set<String> realHeads;

  /** The view of a registry that {@code Retort} has already accepted as a valid graph. */
  GraphView(MigrationRegistry registry) {
    registry.revisions().forEach(r -> revisions.put(r.id(), r));
    this.graph =
        RevisionGraph.of(
            revisions.values().stream()
                .map(
                    r ->
                        new GraphNode(
                            r.id(), r.revises(), r.dependsOn(), r.branchLabels(), r.className()))
                .toList());
    this.heads = Set.copyOf(graph.heads());
    this.realHeads = Set.copyOf(graph.realHeads());
  }

  RevisionGraph graph() {
    return graph;
  }

  RevisionInfo info(String id) {
    return revisions.get(id);
  }

  /** Every revision, in registry order. */
  List<RevisionInfo> all() {
    return List.copyOf(revisions.values());
  }

  /** Nothing revises or depends on it: Alembic's {@code (head)}. */
  boolean isRealHead(String id) {
    return realHeads.contains(id);
  }

  /** Nothing revises it, but something depends on it: Alembic's {@code (effective head)}. */
  boolean isEffectiveHead(String id) {
    return heads.contains(id) && !realHeads.contains(id);
  }

  boolean isHead(String id) {
    return heads.contains(id);
  }

  /** More than one revision revises it. */
  boolean isBranchPoint(String id) {
    return graph.revisedBy(id).size() > 1;
  }

  /** It revises more than one revision. */
  boolean isMergePoint(String id) {
    return info(id).revises().size() > 1;
  }

  /** Its branch labels, declared by itself or inherited through what it revises, sorted. */
  Set<String> labels(String id) {
    return new TreeSet<>(graph.branchLabels(id));
  }
}
