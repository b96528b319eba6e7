package dev.retort.runtime.engine;

import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.graph.GraphNode;
import dev.retort.graph.GraphProblem;
import dev.retort.graph.InvalidGraphException;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Merges registries into one {@link Catalog}. One generated registry was checked and ordered at
 * compile time, so it is taken as it is (an application start pays for neither again); several were
 * each checked alone, not against each other, so together they are checked as one graph.
 */
final class Registries {

  private Registries() {}

  /** The catalog of {@code registries}' revisions. */
  static Catalog merge(List<MigrationRegistry> registries) {
    List<RevisionInfo> all = new ArrayList<>();
    registries.forEach(r -> all.addAll(r.revisions()));
    if (all.isEmpty()) {
      throw new RetortException(
          ErrorCode.EMPTY_REGISTRY,
          "the registry has no revisions; annotate migration classes with @Revision and make sure"
              + " the Retort annotation processor runs (annotationProcessorPaths)");
    }
    List<GraphNode> nodes = new ArrayList<>(all.size());
    Map<String, RevisionInfo> byId = new HashMap<>(all.size() * 2);
    for (RevisionInfo r : all) {
      nodes.add(new GraphNode(r.id(), r.revises(), r.dependsOn(), r.branchLabels(), r.className()));
      byId.put(r.id(), r);
    }
    try {
      RevisionGraph graph =
          registries.size() == 1 ? RevisionGraph.ofOrdered(nodes) : RevisionGraph.of(nodes);
      return new Catalog(graph, byId);
    } catch (InvalidGraphException e) {
      throw new RetortException(
          ErrorCode.INVALID_GRAPH,
          "the registries do not form a valid revision graph: "
              + e.problems().stream().map(GraphProblem::message).collect(Collectors.joining("; ")),
          e);
    }
  }
}
