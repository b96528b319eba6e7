package dev.retort.graph;

import static dev.retort.graph.Rev.graph;
import static dev.retort.graph.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stamp rows, branch points and merge points. */
class StampRowsTest {

  /** Two lines: a <- b <- c (app) and x <- y (audit), and z, a branch of a that d merges. */
  private final RevisionGraph graph =
      graph(
          rev("a").labels("app"),
          rev("b").revises("a"),
          rev("c").revises("b"),
          rev("z").revises("a"),
          rev("d").revises("c", "z"),
          rev("x").labels("audit"),
          rev("y").revises("x"));

  @Test
  void aStampReplacesTheRowsOnItsLineAndKeepsTheOthers() {
    assertEquals(List.of("b", "y"), graph.stampRows(List.of("c", "y"), List.of("b")));
    assertEquals(List.of("d", "x"), graph.stampRows(List.of("b", "x"), List.of("d")));
  }

  @Test
  void aStampOfBaseClearsEveryRow() {
    assertEquals(List.of(), graph.stampRows(List.of("c", "y"), List.of()));
  }

  @Test
  void theRowsAreMinimal() {
    assertEquals(List.of("c", "x"), graph.stampRows(List.of(), List.of("a", "c", "x")));
  }

  @Test
  void aStampCoversItsLinesAndWhatItTakesBackOnly() {
    // b on the app line: a applied, c and d not, z (a branch of a) and the audit line untouched.
    assertEquals(
        List.of("a", "b", "c", "d"),
        graph.stampCovers(List.of("b", "x"), List.of("b", "x"), List.of("b")));
    // Taking c back also covers what depends on it.
    assertEquals(
        List.of("a", "b", "c", "d"),
        graph.stampCovers(List.of("c", "y"), List.of("b", "y"), List.of("b")));
  }

  @Test
  void aPurgeCoversTheLinesItClears() {
    // stamp --purge x at c and y: a, b, c and y are taken back, with everything after them.
    assertEquals(
        List.of("a", "b", "c", "x", "y", "z", "d"),
        graph.stampCovers(List.of("c", "y"), List.of("x"), List.of("x")));
  }

  @Test
  void aStampOfBaseCoversEveryRevision() {
    assertEquals(graph.order(), graph.stampCovers(List.of(), List.of(), List.of()));
  }

  @Test
  void branchAndMergePoints() {
    assertEquals(List.of("a"), graph.branchPoints());
    assertTrue(graph.isBranchPoint("a"));
    assertFalse(graph.isBranchPoint("b"));
    assertTrue(graph.isMergePoint("d"));
    assertFalse(graph.isMergePoint("c"));
  }

  @Test
  void aDependencyMakesNoBranchPoint() {
    RevisionGraph g = graph(rev("a"), rev("b").revises("a"), rev("x").dependsOn("a"));
    assertEquals(List.of(), g.branchPoints());
  }
}
