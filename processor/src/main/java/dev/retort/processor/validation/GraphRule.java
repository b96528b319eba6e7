package dev.retort.processor.validation;

import dev.retort.processor.model.RevisionModel;
import dev.retort.graph.GraphCheck;
import dev.retort.graph.GraphProblem;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Structural problems of the whole graph (ids, missing revisions, cycles, labels), found by the
 * shared graph core and pinned here to the annotation value at fault.
 */
final class GraphRule {

  List<Finding> check(List<RevisionModel> revisions) {
    List<GraphProblem> problems =
        GraphCheck.problems(revisions.stream().map(RevisionModel::node).toList());
    return problems.stream().map(p -> toFinding(p, revisions.get(p.node()))).toList();
  }

  private static Finding toFinding(GraphProblem problem, RevisionModel revision) {
    return Finding.error(
        problem.message(), revision.element(), revision.mirror(), at(problem, revision));
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
