package dev.retort.graph;

import static dev.retort.graph.Rev.graph;
import static dev.retort.graph.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrawingOrderTest {

  @Test
  void branchesAreKeptTogetherNewestFirst() {
    RevisionGraph g =
        graph(
            rev("a"),
            rev("b").revises("a"),
            rev("c").revises("a"),
            rev("d").revises("b"),
            rev("e").revises("c"));
    // The graph's order interleaves the lines b-d and c-e by id; a drawing keeps them apart.
    assertEquals(List.of("a", "b", "c", "d", "e"), g.order());
    assertEquals(List.of("e", "c", "d", "b", "a"), DrawingOrder.of(g, g.order()));
  }

  @Test
  void afterAMergeTheBranchOfItsLastParentComesFirst() {
    RevisionGraph g =
        graph(rev("a"), rev("b").revises("a"), rev("c").revises("a"), rev("m").revises("b", "c"));
    assertEquals(List.of("m", "c", "b", "a"), DrawingOrder.of(g, g.order()));
  }

  @Test
  void aDependencyOrdersLikeAnEdge() {
    RevisionGraph g = graph(rev("a"), rev("z"), rev("y").revises("z").dependsOn("a"));
    // y's parents are its revises first, then its dependencies; the last is drawn first.
    assertEquals(List.of("y", "a", "z"), DrawingOrder.of(g, g.order()));
  }

  @Test
  void edgesLeavingTheDrawnRevisionsAreCut() {
    RevisionGraph g =
        graph(rev("a"), rev("b").revises("a"), rev("c").revises("a"), rev("m").revises("b", "c"));
    assertEquals(List.of("m", "c"), DrawingOrder.of(g, List.of("c", "m")));
  }
}
