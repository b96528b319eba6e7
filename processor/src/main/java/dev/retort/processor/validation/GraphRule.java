package dev.retort.processor.validation;

import dev.retort.graph.GraphProblem;
import dev.retort.graph.InvalidGraphException;
import dev.retort.graph.RevisionGraph;
import dev.retort.processor.Message;
import dev.retort.processor.model.RevisionModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Structural problems of the whole graph (ids, missing revisions, cycles, labels), found by the
 * graph module and pinned here to the annotation value at fault. The graph is built, and so
 * checked, once: what validation builds is what generation uses.
 */
final class GraphRule {

  /**
   * The graph of {@code revisions} when it is structurally sound, else every problem as a finding.
   *
   * @param graph present exactly when {@code findings} is empty
   * @param findings the structural problems
   */
  record Checked(Optional<RevisionGraph> graph, List<Finding> findings) {}

  Checked check(List<RevisionModel> revisions, Places places) {
    try {
      RevisionGraph graph = RevisionGraph.of(revisions.stream().map(RevisionModel::node).toList());
      return new Checked(Optional.of(graph), List.of());
    } catch (InvalidGraphException e) {
      // The graph's one check reports every problem through this exception; no second pass.
      List<Finding> findings =
          e.problems().stream()
              .map(p -> toFinding(p, revisions.get(p.node()), places))
              .toList();
      return new Checked(Optional.empty(), findings);
    }
  }

  private static Finding toFinding(GraphProblem problem, RevisionModel revision, Places places) {
    return places.at(revision, at(problem, revision), Message.of(problem), problem.message());
  }

  private static Optional<AnnotationValue> at(GraphProblem problem, RevisionModel revision) {
    if (problem instanceof GraphProblem.MissingRevision m) {
      return revision.item(m.kind().attribute(), m.missing());
    }
    if (problem instanceof GraphProblem.Cycle c) {
      return revision.item(c.kind().attribute(), c.path().get(1));
    }
    if (problem instanceof GraphProblem.DuplicateLabel d) {
      return revision.item("branchLabels", d.label());
    }
    if (problem instanceof GraphProblem.MalformedLabel m) {
      return revision.item("branchLabels", m.label());
    }
    return revision.value("id");
  }
}
