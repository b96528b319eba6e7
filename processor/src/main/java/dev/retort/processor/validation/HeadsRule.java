package dev.retort.processor.validation;

import dev.retort.processor.model.RevisionModel;
import dev.retort.runtime.graph.Messages;
import dev.retort.runtime.graph.RevisionGraph;
import java.util.List;
import javax.tools.Diagnostic;

/**
 * Parallel heads are an accident unless each sits on its own labelled branch. One finding names
 * every head and shows the merge to write; it is reported on the head that comes last in the
 * graph's order, the one most likely just added.
 */
final class HeadsRule {

  List<Finding> check(RevisionGraph graph, List<RevisionModel> revisions, Diagnostic.Kind kind) {
    List<String> heads = graph.unlabeledHeads();
    if (heads.isEmpty()) return List.of();
    String reportOn = heads.stream().max((a, b) -> graph.position(a) - graph.position(b)).get();
    RevisionModel head =
        revisions.stream().filter(r -> r.id().equals(reportOn)).findFirst().orElseThrow();
    return List.of(
        Finding.error(Messages.multipleHeads(heads), head.element(), head.mirror(), head.value("id"))
            .as(kind));
  }
}
