package dev.retort.graph;

import static dev.retort.graph.Rev.graph;
import static dev.retort.graph.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Targets that are not one: empty, or a relative step too large for any graph, let alone this. */
class TargetInputTest {

  /** a <- b <- c. */
  private final Targets targets =
      new Targets(graph(rev("a"), rev("b").revises("a"), rev("c").revises("b")));

  @Test
  void anEmptyTargetNamesNothingRatherThanEveryRevision() {
    String message =
        "the target is empty; give a revision id or the start of one, a branch label, head,"
            + " heads, base, or a relative step such as +1 or -1";
    for (TargetException e :
        List.of(
            assertThrows(TargetException.class, () -> targets.upgradeTarget("", List.of())),
            assertThrows(TargetException.class, () -> targets.downgradeTarget("", List.of("c"))),
            assertThrows(TargetException.class, () -> targets.revision("")))) {
      assertEquals(TargetException.Reason.EMPTY, e.reason());
      assertEquals(message, e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"+2147483648", "+99999999999999999999999", "b+2147483648"})
  void aStepBeyondAnyIntegerRunsOffTheGraph(String target) {
    TargetException e =
        assertThrows(TargetException.class, () -> targets.upgradeTarget(target, List.of()));
    assertEquals(TargetException.Reason.OUT_OF_RANGE, e.reason());
    assertEquals(
        "'"
            + target
            + "' goes up "
            + target.substring(target.indexOf('+') + 1)
            + " revisions, but the graph ends at 'c' after "
            + (target.startsWith("b") ? "1 revision" : "3 revisions")
            + "; name the target revision instead",
        e.getMessage());
  }

  @Test
  void aStepDownBeyondAnyIntegerRunsOffTheGraph() {
    TargetException e =
        assertThrows(
            TargetException.class, () -> targets.downgradeTarget("-99999999999", List.of("c")));
    assertEquals(TargetException.Reason.OUT_OF_RANGE, e.reason());
    assertEquals(
        "'-99999999999' goes down 99999999999 revisions, but the walk reaches base after 3"
            + " revisions; name the target revision instead",
        e.getMessage());
  }

  @Test
  void stepsThatFitStillWalk() {
    assertEquals(List.of("c"), targets.upgradeTarget("+3", List.of()));
    assertEquals(List.of("b"), targets.upgradeTarget("a+0001", List.of()));
    // Down to base: everything applied is reverted.
    assertEquals(List.of("a", "b", "c"), targets.downgradeTarget("-3", List.of("c")));
  }
}
