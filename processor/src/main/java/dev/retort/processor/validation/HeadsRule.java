package dev.retort.processor.validation;

import dev.retort.graph.Messages;
import dev.retort.graph.RevisionGraph;
import dev.retort.processor.Message;
import dev.retort.processor.model.RevisionModel;
import java.util.Comparator;
import java.util.List;
import javax.tools.Diagnostic;

/**
 * Parallel heads are an accident unless each sits on its own labelled branch. The verdict is the
 * graph core's; this rule only picks the place. One finding names every head and shows the merge to
 * write; it is reported on a head that lacks a branch of its own (a labelled head is not at fault),
 * the one that comes last in the graph's order, most likely the one just added.
 */
final class HeadsRule {

  List<Finding> check(
      RevisionGraph graph, List<RevisionModel> revisions, Places places, Diagnostic.Kind kind) {
    List<String> heads = graph.unlabeledHeads();
    if (heads.isEmpty()) return List.of();
    String reportOn = placeFor(graph);
    RevisionModel head =
        revisions.stream().filter(r -> r.id().equals(reportOn)).findFirst().orElseThrow();
    Finding finding =
        places.at(head, head.value("id"), Message.MULTIPLE_HEADS, Messages.multipleHeads(heads));
    return List.of(finding.as(kind));
  }

  /** The head without a branch of its own that comes last in the graph's order. */
  private static String placeFor(RevisionGraph graph) {
    return graph.headsWithoutOwnBranch().stream()
        .max(Comparator.comparingInt(graph::position))
        .orElseThrow();
  }
}
