package dev.retort.graph;

import static dev.retort.graph.Rev.graph;
import static dev.retort.graph.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Targets#range} and {@link Targets#rowsAt}: the ranges of history and offline SQL. */
class TargetRangesTest {

  /** a <- b, a <- c, m merges b and c; x (labelled audit) depends on b. */
  private final Targets targets =
      new Targets(
          graph(
              rev("a").labels("app"),
              rev("b").revises("a"),
              rev("c").revises("a"),
              rev("m").revises("b", "c"),
              rev("x").labels("audit").dependsOn("b")));

  @Test
  void blankOrEmptyEndsAreTheWholeGraph() {
    List<String> all = List.of("a", "b", "c", "m", "x");
    assertEquals(all, targets.range(""));
    assertEquals(all, targets.range(" "));
    assertEquals(all, targets.range(":"));
    assertEquals(all, targets.range("base:heads"));
  }

  @Test
  void fromIsIncludedWithItsDescendants() {
    assertEquals(List.of("b", "m", "x"), targets.range("b:"));
    // Without a colon the text is FROM.
    assertEquals(List.of("b", "m", "x"), targets.range("b"));
  }

  @Test
  void toIsIncludedWithItsAncestors() {
    assertEquals(List.of("a", "b", "c", "m"), targets.range(":m"));
    assertEquals(List.of("b", "m"), targets.range("b:m"));
  }

  @Test
  void endsAreResolvedLikeTargets() {
    assertEquals(List.of("a", "b", "x"), targets.range("app:audit@head"));
    assertEquals(List.of("a"), targets.range(":b-1"));
  }

  @Test
  void anUnknownEndIsATargetError() {
    TargetException e = assertThrows(TargetException.class, () -> targets.range("zz:"));
    assertEquals(TargetException.Reason.UNKNOWN, e.reason());
  }

  @Test
  void rowsAtAreTheMinimalHeadsOfTheTarget() {
    assertEquals(List.of(), targets.rowsAt("base"));
    assertEquals(List.of("b"), targets.rowsAt("b"));
    assertEquals(List.of("m", "x"), targets.rowsAt("heads"));
    // x depends on b, so b's row is implied by x's.
    assertEquals(List.of("x"), targets.rowsAt("audit@head"));
  }
}
