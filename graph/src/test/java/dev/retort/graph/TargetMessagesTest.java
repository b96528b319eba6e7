package dev.retort.graph;

import static dev.retort.graph.Rev.graph;
import static dev.retort.graph.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words of a target that cannot be resolved: a mistyped keyword or label gets a did-you-mean,
 * and a relative step that stops says where and why, in the singular when it is one.
 */
class TargetMessagesTest {

  /** a1 <- b2, c3 (a branch point) -> e5a2b8 (a merge); a labelled line f6 (reports). */
  private final Targets targets =
      new Targets(
          graph(
              rev("a1"),
              rev("b2").revises("a1"),
              rev("c3").revises("a1"),
              rev("e5a2b8").revises("b2", "c3").labels("main"),
              rev("f6").labels("reports")));

  @Test
  void aMistypedKeywordGetsADidYouMean() {
    TargetException e =
        assertThrows(TargetException.class, () -> targets.upgradeTarget("heda", List.of()));
    assertEquals(
        "no revision 'heda'; did you mean head or heads? ('history' lists every revision)",
        e.getMessage());
  }

  @Test
  void aMistypedLabelGetsADidYouMean() {
    TargetException e =
        assertThrows(TargetException.class, () -> targets.upgradeTarget("reprots", List.of()));
    assertEquals(
        "no revision 'reprots'; did you mean reports? ('history' lists every revision)",
        e.getMessage());
  }

  @Test
  void aStepDownFromAMergeSaysItIsOne() {
    TargetException e =
        assertThrows(
            TargetException.class, () -> targets.downgradeTarget("e5a2b8-1", List.of("e5a2b8")));
    assertEquals(TargetException.Reason.AMBIGUOUS_WALK, e.reason());
    assertEquals(
        "'e5a2b8-1' goes down 1 revision, but 'e5a2b8' is a merge of b2 and c3, so there is no one"
            + " revision below it; name the target revision instead",
        e.getMessage());
  }

  @Test
  void aStepUpThroughABranchPointSaysWhereItStopped() {
    TargetException e =
        assertThrows(TargetException.class, () -> targets.upgradeTarget("a1+2", List.of()));
    assertEquals(
        "'a1+2' goes up 2 revisions, but 'a1' is a branch point that b2 and c3 revise; name the"
            + " target revision instead",
        e.getMessage());
  }

  @Test
  void aStepUpFromBaseWithSeveralBasesNamesThem() {
    TargetException e =
        assertThrows(TargetException.class, () -> targets.upgradeTarget("+1", List.of()));
    assertEquals(
        "'+1' goes up 1 revision, but the graph has 2 bases (a1 and f6); name the target revision"
            + " instead",
        e.getMessage());
  }
}
