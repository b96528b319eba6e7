package dev.retort.graph;

import static dev.retort.graph.Rev.graph;
import static dev.retort.graph.Rev.nodes;
import static dev.retort.graph.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  /**
   * Two lines: a <- b (revises), and x <- y where y also depends on b; z is a base that only
   * depends on a.
   */
  private static RevisionGraph twoLinesWithDependencies() {
    return graph(
        rev("a"),
        rev("b").revises("a"),
        rev("x"),
        rev("y").revises("x").dependsOn("b"),
        rev("z").dependsOn("a"));
  }

  @Nested
  class HeadsAndBases {

    @Test
    void chainHasOneHeadAndOneBase() {
      RevisionGraph g = graph(rev("a"), rev("b").revises("a"), rev("c").revises("b"));
      assertEquals(List.of("c"), g.heads());
      assertEquals(List.of("a"), g.bases());
      assertEquals(List.of("c"), g.realHeads());
      assertEquals(List.of("a"), g.realBases());
    }

    @Test
    void headsIgnoreDependsOnButRealHeadsDoNot() {
      RevisionGraph g = twoLinesWithDependencies();
      // b is only depended on, so it is still a head in Alembic's sense.
      assertEquals(List.of("b", "y", "z"), g.heads());
      assertEquals(List.of("y", "z"), g.realHeads());
    }

    @Test
    void basesIgnoreDependsOnButRealBasesDoNot() {
      RevisionGraph g = twoLinesWithDependencies();
      assertEquals(List.of("a", "x", "z"), g.bases());
      assertEquals(List.of("a", "x"), g.realBases());
    }

    @Test
    void headsAreSortedByIdNotByOrder() {
      RevisionGraph g =
          graph(rev("a"), rev("z").revises("a"), rev("zz").revises("a"), rev("b").revises("zz"));
      assertEquals(List.of("a", "z", "zz", "b"), g.order());
      assertEquals(List.of("b", "z"), g.heads());
    }

    @Test
    void mergeRevisionJoinsHeads() {
      RevisionGraph g =
          graph(rev("a"), rev("b").revises("a"), rev("c").revises("a"), rev("m").revises("b", "c"));
      assertEquals(List.of("m"), g.heads());
      assertEquals(List.of("a"), g.bases());
    }

    @Test
    void emptyGraphHasNoHeadsOrBases() {
      RevisionGraph g = RevisionGraph.of(List.of());
      assertEquals(0, g.size());
      assertEquals(List.of(), g.heads());
      assertEquals(List.of(), g.bases());
      assertEquals(List.of(), g.unlabeledHeads());
    }
  }

  @Nested
  class TopologicalOrder {

    @Test
    void parentsComeFirstAndTiesGoToTheLeastId() {
      // m, then b and z are both ready: b first; a must wait for z although it sorts first.
      RevisionGraph g =
          graph(rev("a").revises("z"), rev("z").revises("m"), rev("b").revises("m"), rev("m"));
      assertEquals(List.of("m", "b", "z", "a"), g.order());
    }

    @Test
    void dependsOnIsRespected() {
      // Without the dependency the order would be a, b, c.
      RevisionGraph g = graph(rev("a"), rev("b").dependsOn("c"), rev("c"));
      assertEquals(List.of("a", "c", "b"), g.order());
    }

    @Test
    void orderDoesNotDependOnInputOrder() {
      List<GraphNode> nodes =
          nodes(
              rev("r"),
              rev("q").revises("r"),
              rev("p").revises("r"),
              rev("k").revises("p").dependsOn("q"),
              rev("e").revises("k", "q"),
              rev("d"));
      List<String> expected = List.of("d", "r", "p", "q", "k", "e");
      assertEquals(expected, RevisionGraph.of(nodes).order());
      List<GraphNode> reversed = new ArrayList<>(nodes);
      Collections.reverse(reversed);
      assertEquals(expected, RevisionGraph.of(reversed).order());
    }

    @Test
    void nodesPositionAndInOrderAgreeWithOrder() {
      RevisionGraph g = graph(rev("b").revises("c"), rev("c"), rev("a").revises("b"));
      assertEquals(List.of("c", "b", "a"), g.order());
      assertEquals(g.order(), g.nodes().stream().map(GraphNode::id).toList());
      assertEquals(0, g.position("c"));
      assertEquals(2, g.position("a"));
      assertEquals(List.of("c", "a"), g.inOrder(List.of("a", "c")));
      assertThrows(IllegalArgumentException.class, () -> g.position("nope"));
    }

    @Test
    void duplicateEdgesCountOnce() {
      // b both revises and depends on a: a must still be released exactly once.
      RevisionGraph g = graph(rev("b").revises("a", "a").dependsOn("a"), rev("a"));
      assertEquals(List.of("a", "b"), g.order());
      assertEquals(List.of("b"), g.heads());
      assertEquals(List.of("b"), g.descendants(List.of("b")));
    }
  }

  @Nested
  class Lookup {

    @Test
    void nodeAndContains() {
      RevisionGraph g = graph(rev("a").labels("main").from("db.A"));
      assertTrue(g.contains("a"));
      assertFalse(g.contains("b"));
      assertEquals(Optional.of(rev("a").labels("main").from("db.A").node()), g.node("a"));
      assertEquals(Optional.empty(), g.node("b"));
      assertEquals(1, g.size());
    }

    @Test
    void nodeIsImmutable() {
      List<String> revises = new ArrayList<>(List.of("a"));
      GraphNode node = new GraphNode("b", revises, List.of(), List.of());
      revises.add("c");
      assertEquals(List.of("a"), node.revises());
      assertEquals("", node.origin());
      assertThrows(UnsupportedOperationException.class, () -> node.revises().add("d"));
    }
  }

  @Nested
  class Ancestry {

    @Test
    void ancestorsFollowBothEdgeKindsAndIncludeTheStart() {
      RevisionGraph g = twoLinesWithDependencies();
      assertEquals(List.of("a", "b", "x", "y"), g.ancestors(List.of("y")));
      assertEquals(List.of("a", "z"), g.ancestors(List.of("z")));
      assertEquals(List.of("a"), g.ancestors(List.of("a")));
    }

    @Test
    void descendantsFollowBothEdgeKindsAndIncludeTheStart() {
      RevisionGraph g = twoLinesWithDependencies();
      assertEquals(List.of("a", "b", "y", "z"), g.descendants(List.of("a")));
      assertEquals(List.of("x", "y"), g.descendants(List.of("x")));
    }

    @Test
    void ancestorsOfSeveralAreTheUnionInTopologicalOrder() {
      RevisionGraph g =
          graph(
              rev("root"),
              rev("b").revises("root"),
              rev("c").revises("root"),
              rev("d").revises("c"));
      assertEquals(List.of("root", "b", "c", "d"), g.ancestors(List.of("d", "b")));
      assertEquals(List.of(), g.ancestors(List.of()));
    }

    @Test
    void unknownIdIsRejected() {
      RevisionGraph g = graph(rev("a"));
      assertThrows(IllegalArgumentException.class, () -> g.ancestors(List.of("b")));
      assertThrows(IllegalArgumentException.class, () -> g.descendants(List.of("b")));
    }
  }

  @Nested
  class MinimalHeads {

    @Test
    void chainKeepsOnlyItsTip() {
      RevisionGraph g = graph(rev("a"), rev("b").revises("a"), rev("c").revises("b"));
      assertEquals(List.of("c"), g.minimalHeads(List.of("a", "b", "c")));
      assertEquals(List.of("c"), g.minimalHeads(List.of("c", "a")));
    }

    @Test
    void parallelBranchesKeepBothTips() {
      RevisionGraph g = graph(rev("a"), rev("b").revises("a"), rev("c").revises("a"));
      assertEquals(List.of("b", "c"), g.minimalHeads(List.of("c", "a", "b")));
    }

    @Test
    void revisionAppliedOnlyAsADependencyIsNotAHead() {
      RevisionGraph g = twoLinesWithDependencies();
      // b is a head of the graph, but y depends on it, so y's row covers it.
      assertEquals(List.of("y"), g.minimalHeads(List.of("a", "b", "x", "y")));
      assertEquals(List.of("b", "x"), g.minimalHeads(List.of("a", "b", "x")));
    }

    @Test
    void duplicatesAndEmptyInput() {
      RevisionGraph g = graph(rev("a"), rev("b").revises("a"));
      assertEquals(List.of("b"), g.minimalHeads(List.of("b", "b", "a")));
      assertEquals(List.of(), g.minimalHeads(List.of()));
      assertThrows(IllegalArgumentException.class, () -> g.minimalHeads(List.of("nope")));
    }
  }

  @Nested
  class Labels {

    @Test
    void oneHeadIsFine() {
      assertEquals(List.of(), graph(rev("a"), rev("b").revises("a")).unlabeledHeads());
    }

    @Test
    void headsWithTheirOwnLabelsAreFine() {
      RevisionGraph g =
          graph(
              rev("a"),
              rev("b").revises("a").labels("left"),
              rev("c").revises("a").labels("right"));
      assertEquals(List.of(), g.unlabeledHeads());
    }

    @Test
    void labelsOnARevisesAncestorCount() {
      RevisionGraph g =
          graph(
              rev("a"),
              rev("l1").revises("a").labels("left"),
              rev("l2").revises("l1"),
              rev("r1").revises("a").labels("right"),
              rev("r2").revises("r1"));
      assertEquals(List.of("l2", "r2"), g.heads());
      assertEquals(List.of(), g.unlabeledHeads());
    }

    @Test
    void separateBasesWithTheirOwnLabelsAreFine() {
      RevisionGraph g =
          graph(rev("a").labels("app"), rev("b").revises("a"), rev("x").labels("audit"));
      assertEquals(List.of(), g.unlabeledHeads());
    }

    @Test
    void headsSharingOnlyAnInheritedLabelAreReported() {
      RevisionGraph g =
          graph(rev("a").labels("main"), rev("b").revises("a"), rev("c").revises("a"));
      assertEquals(List.of("b", "c"), g.unlabeledHeads());
    }

    @Test
    void headsWithoutLabelsAreReported() {
      RevisionGraph g = graph(rev("a"), rev("c").revises("a"), rev("b").revises("a"));
      assertEquals(List.of("b", "c"), g.unlabeledHeads());
    }

    @Test
    void oneLabelledHeadIsNotEnough() {
      RevisionGraph g =
          graph(rev("a"), rev("b").revises("a").labels("feature"), rev("c").revises("a"));
      assertEquals(List.of("b", "c"), g.unlabeledHeads());
      assertEquals(List.of("c"), g.headsWithoutOwnBranch(), "the labelled head is not at fault");
    }

    @Test
    void aSharedLabelNextToAnOwnLabelIsFine() {
      RevisionGraph g =
          graph(
              rev("a").labels("main"),
              rev("b").revises("a").labels("left"),
              rev("c").revises("a").labels("right"));
      assertEquals(List.of(), g.unlabeledHeads());
    }

    @Test
    void branchLabelsComeThroughRevisesOnly() {
      RevisionGraph g =
          graph(
              rev("a").labels("main"),
              rev("b").revises("a").labels("feature"),
              rev("x").labels("other"),
              rev("c").revises("b").dependsOn("x"));
      assertEquals(Set.of("feature", "main"), g.branchLabels("c"));
      assertEquals(List.of("feature", "main"), List.copyOf(g.branchLabels("c")));
      assertEquals(Set.of("main"), g.branchLabels("a"));
      assertEquals(Set.of("other"), g.branchLabels("x"));
      assertThrows(IllegalArgumentException.class, () -> g.branchLabels("nope"));
    }

    @Test
    void branchLabelsThroughAMergeComeFromBothSides() {
      RevisionGraph g =
          graph(
              rev("a"),
              rev("b").revises("a").labels("left"),
              rev("c").revises("a").labels("right"),
              rev("m").revises("b", "c"));
      assertEquals(Set.of("left", "right"), g.branchLabels("m"));
    }

    @Test
    void labelOwner() {
      RevisionGraph g = graph(rev("a").labels("main", "core"), rev("b").revises("a"));
      assertEquals(Optional.of("a"), g.labelOwner("core"));
      assertEquals(Optional.of("a"), g.labelOwner("main"));
      assertEquals(Optional.empty(), g.labelOwner("b"));
    }
  }

  @Test
  void multipleHeadsMessageNamesHeadsAndTheMergeToWrite() {
    assertEquals(
        "[Retort/MultipleHeads] the revision graph has 2 heads: 'b', 'c'; merge them with a new"
            + " revision: @Revision(id = \"...\", revises = {\"b\", \"c\"}), or give each head its"
            + " own branch label if the branches are meant to stay apart",
        Messages.multipleHeads(List.of("b", "c")));
  }

  @Nested
  class FromAGeneratedRegistry {

    @Test
    void anOrderedListIsTakenAsItIs() {
      List<GraphNode> ordered =
          nodes(rev("a"), rev("b").revises("a"), rev("c").revises("a"), rev("d").revises("b", "c"));

      RevisionGraph g = RevisionGraph.ofOrdered(ordered);

      assertEquals(RevisionGraph.of(ordered).order(), g.order());
      assertEquals(List.of("d"), g.heads());
      assertEquals(List.of("a", "b", "c", "d"), g.ancestors(List.of("d")));
    }

    @Test
    void aListOutOfOrderIsOrderedByTheFullCheck() {
      List<GraphNode> unordered = nodes(rev("b").revises("a"), rev("a"));

      assertEquals(List.of("a", "b"), RevisionGraph.ofOrdered(unordered).order());
    }

    @Test
    void anInvalidListGetsTheFullChecksProblems() {
      List<GraphNode> missing = nodes(rev("a"), rev("b").revises("x"));
      List<GraphNode> twice = nodes(rev("a"), rev("a"));
      List<GraphNode> labelTwice = nodes(rev("a").labels("l"), rev("b").revises("a").labels("l"));

      for (List<GraphNode> invalid : List.of(missing, twice, labelTwice)) {
        InvalidGraphException e =
            assertThrows(InvalidGraphException.class, () -> RevisionGraph.ofOrdered(invalid));
        assertEquals(GraphCheck.problems(invalid), e.problems());
      }
    }
  }
}
