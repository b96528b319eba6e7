package dev.retort.graph;

import static dev.retort.graph.Rev.nodes;
import static dev.retort.graph.Rev.problems;
import static dev.retort.graph.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.graph.GraphProblem.Cycle;
import dev.retort.graph.GraphProblem.DuplicateId;
import dev.retort.graph.GraphProblem.DuplicateLabel;
import dev.retort.graph.GraphProblem.EdgeKind;
import dev.retort.graph.GraphProblem.MalformedId;
import dev.retort.graph.GraphProblem.MissingRevision;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphCheckTest {

  @Test
  void validGraphHasNoProblems() {
    assertEquals(
        List.of(),
        problems(
            rev("a").labels("main"),
            rev("b").revises("a"),
            rev("c").revises("a").labels("feature"),
            rev("d").revises("b", "c").dependsOn("a")));
  }

  @Nested
  class DuplicateIds {

    @Test
    void reportedOnEveryLaterOccurrenceWithAllOrigins() {
      List<GraphProblem> found =
          problems(
              rev("a").from("db.First"),
              rev("b").revises("a").from("db.B"),
              rev("a").from("db.Second"),
              rev("a").from("db.Third"));
      List<String> origins = List.of("db.First", "db.Second", "db.Third");
      assertEquals(
          List.of(new DuplicateId(2, "a", origins), new DuplicateId(3, "a", origins)), found);
      assertEquals(
          "[Retort/DuplicateId] revision id 'a' is declared 3 times (by db.First, db.Second,"
              + " db.Third); ids must be unique: give each revision its own id",
          found.get(0).message());
    }

    @Test
    void messageLeavesOutUnknownOrigins() {
      List<GraphProblem> found = problems(rev("a"), rev("a"));
      assertEquals(List.of(new DuplicateId(1, "a", List.of("", ""))), found);
      assertEquals(
          "[Retort/DuplicateId] revision id 'a' is declared 2 times; ids must be unique: give"
              + " each revision its own id",
          found.get(0).message());
    }
  }

  @Nested
  class MalformedIds {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "\"\"   | is empty",
          "head   | is reserved: 'head', 'heads' and 'base' are target names",
          "heads  | is reserved: 'head', 'heads' and 'base' are target names",
          "base   | is reserved: 'head', 'heads' and 'base' are target names",
          "a@b    | contains '@', which has a meaning in targets",
          "a+1    | contains '+', which has a meaning in targets",
          "x:y    | contains ':', which has a meaning in targets",
          "\"a b\"| contains whitespace",
          "-1     | starts with '-', which reads as a relative target",
        })
    void malformedIdIsReportedWithItsReason(String id, String reason) {
      List<GraphProblem> found = problems(rev(id));
      assertEquals(List.of(new MalformedId(0, id, reason)), found);
      assertTrue(found.get(0).message().startsWith("[Retort/MalformedId] revision id '" + id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\tb", "a\nb", "tail "})
    void anyWhitespaceIsMalformed(String id) {
      assertEquals(List.of(new MalformedId(0, id, "contains whitespace")), problems(rev(id)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a1f3", "0001_init", "v1.2", "add-users", "HEAD-1", "basement", "a-"})
    void wellFormedIdsPass(String id) {
      assertEquals(List.of(), problems(rev(id)));
    }
  }

  @Nested
  class MissingRevisions {

    @Test
    void missingRevisesSuggestsTheNearestIds() {
      List<GraphProblem> found = problems(rev("a1f3"), rev("b").revises("a1f4"));
      assertEquals(
          List.of(new MissingRevision(1, "b", EdgeKind.REVISES, "a1f4", List.of("a1f3"))), found);
      assertEquals(
          "[Retort/MissingRevision] revision 'b' revises 'a1f4', which no revision declares; did"
              + " you mean 'a1f3'?",
          found.get(0).message());
    }

    @Test
    void missingDependsOnWithoutSuggestionsSaysWhatToDo() {
      List<GraphProblem> found = problems(rev("create_users"), rev("b").dependsOn("zzzzzzzz"));
      assertEquals(
          List.of(new MissingRevision(1, "b", EdgeKind.DEPENDS_ON, "zzzzzzzz", List.of())), found);
      assertEquals(
          "[Retort/MissingRevision] revision 'b' depends on 'zzzzzzzz', which no revision"
              + " declares; declare a revision with that id or remove it from dependsOn",
          found.get(0).message());
    }

    @Test
    void everyMissingEdgeIsReported() {
      List<GraphProblem> found =
          problems(rev("abc"), rev("d").revises("abd", "abc").dependsOn("abe", "zzzzzzzz"));
      assertEquals(
          List.of(
              new MissingRevision(1, "d", EdgeKind.REVISES, "abd", List.of("abc", "d")),
              new MissingRevision(1, "d", EdgeKind.DEPENDS_ON, "abe", List.of("abc")),
              new MissingRevision(1, "d", EdgeKind.DEPENDS_ON, "zzzzzzzz", List.of())),
          found);
    }

    @Test
    void severalSuggestionsAreJoinedWithOr() {
      List<GraphProblem> found = problems(rev("abc1"), rev("abc2"), rev("x").revises("abc3"));
      assertEquals(
          List.of(new MissingRevision(2, "x", EdgeKind.REVISES, "abc3", List.of("abc1", "abc2"))),
          found);
      assertTrue(found.get(0).message().endsWith("did you mean 'abc1' or 'abc2'?"));
    }
  }

  @Nested
  class Cycles {

    @Test
    void revisesCycleIsPrintedFromItsSmallestId() {
      // Given out of order so that the path has to be rotated to start at 'a'.
      List<GraphProblem> found =
          problems(rev("c").revises("a"), rev("b").revises("c"), rev("a").revises("b"));
      assertEquals(
          List.of(new Cycle(2, "a", List.of("a", "b", "c", "a"), EdgeKind.REVISES)), found);
      assertEquals(
          "[Retort/Cycle] revisions form a cycle: a -> b -> c -> a (each revises or depends on the"
              + " next); remove one of these edges",
          found.get(0).message());
    }

    @Test
    void dependsOnCycle() {
      List<GraphProblem> found = problems(rev("b").revises("a"), rev("a").dependsOn("b"));
      assertEquals(List.of(new Cycle(1, "a", List.of("a", "b", "a"), EdgeKind.DEPENDS_ON)), found);
    }

    @Test
    void selfCycleThroughRevisesAndThroughDependsOn() {
      assertEquals(
          List.of(new Cycle(0, "a", List.of("a", "a"), EdgeKind.REVISES)),
          problems(rev("a").revises("a")));
      List<GraphProblem> found = problems(rev("root"), rev("a").revises("root").dependsOn("a"));
      assertEquals(List.of(new Cycle(1, "a", List.of("a", "a"), EdgeKind.DEPENDS_ON)), found);
      assertTrue(found.get(0).message().contains(": a -> a ("));
    }

    @Test
    void severalCyclesAreReportedSeparatelyInIdOrder() {
      List<GraphProblem> found =
          problems(
              rev("y").revises("x"),
              rev("x").revises("y"),
              rev("root"),
              rev("b").revises("a"),
              rev("a").revises("b"),
              rev("s").revises("s"));
      assertEquals(
          List.of(
              new Cycle(4, "a", List.of("a", "b", "a"), EdgeKind.REVISES),
              new Cycle(5, "s", List.of("s", "s"), EdgeKind.REVISES),
              new Cycle(1, "x", List.of("x", "y", "x"), EdgeKind.REVISES)),
          found);
    }

    @Test
    void theShortestCycleThroughTheSmallestIdIsShown() {
      // One strongly connected component holding a -> b -> c -> d -> a and a -> d -> a.
      List<GraphProblem> found =
          problems(
              rev("a").revises("b", "d"),
              rev("b").revises("c"),
              rev("c").revises("d"),
              rev("d").revises("a"));
      assertEquals(List.of(new Cycle(0, "a", List.of("a", "d", "a"), EdgeKind.REVISES)), found);
    }

    @Test
    void pathStaysStableAmongEquallyShortCycles() {
      // a -> b -> a and a -> c -> a are equally short: the smaller neighbour wins.
      List<GraphProblem> found =
          problems(rev("a").revises("c", "b"), rev("c").revises("a"), rev("b").revises("a"));
      assertEquals(List.of(new Cycle(0, "a", List.of("a", "b", "a"), EdgeKind.REVISES)), found);
    }

    @Test
    void cycleBehindAValidPrefixIsFound() {
      List<GraphProblem> found =
          problems(
              rev("root"),
              rev("m1").revises("root", "m3"),
              rev("m2").revises("m1"),
              rev("m3").revises("m2"),
              rev("tip").revises("m3"));
      assertEquals(
          List.of(new Cycle(1, "m1", List.of("m1", "m3", "m2", "m1"), EdgeKind.REVISES)), found);
    }
  }

  @Nested
  class DuplicateLabels {

    @Test
    void reportedOnEveryLaterDeclaration() {
      List<GraphProblem> found =
          problems(
              rev("c").labels("main"),
              rev("a").revises("c").labels("main"),
              rev("b").revises("c").labels("main", "other"));
      List<String> owners = List.of("a", "b", "c");
      assertEquals(
          List.of(
              new DuplicateLabel(1, "a", "main", owners),
              new DuplicateLabel(2, "b", "main", owners)),
          found);
      assertEquals(
          "[Retort/DuplicateLabel] branch label 'main' is declared by 'a' and 'b' and 'c'; a label"
              + " names one branch: rename all but one",
          found.get(0).message());
    }
  }

  @Test
  void everyProblemIsReportedInOnePass() {
    List<GraphProblem> found =
        problems(
            rev("head").from("db.Head"),
            rev("a").labels("x").from("db.A1"),
            rev("a").from("db.A2"),
            rev("b").revises("a").dependsOn("c").from("db.B"),
            rev("c").revises("b").from("db.C"),
            rev("d").revises("cc").labels("x").from("db.D"));
    assertEquals(
        List.of(
            new MalformedId(0, "head", "is reserved: 'head', 'heads' and 'base' are target names"),
            new DuplicateId(2, "a", List.of("db.A1", "db.A2")),
            new MissingRevision(5, "d", EdgeKind.REVISES, "cc", List.of("c", "a", "b")),
            new Cycle(3, "b", List.of("b", "c", "b"), EdgeKind.DEPENDS_ON),
            new DuplicateLabel(5, "d", "x", List.of("a", "d"))),
        found);
  }

  @Test
  void problemsAreDeterministic() {
    List<GraphNode> nodes =
        nodes(rev("b").revises("a"), rev("a").revises("b"), rev("c").revises("q"), rev("c"));
    assertEquals(GraphCheck.problems(nodes), GraphCheck.problems(nodes));
  }

  @Test
  void revisionGraphOfThrowsWithEveryProblem() {
    List<GraphNode> nodes =
        nodes(rev("a").revises("b"), rev("b").revises("a"), rev("c").revises("nope"));
    InvalidGraphException e =
        assertThrows(InvalidGraphException.class, () -> RevisionGraph.of(nodes));
    List<GraphProblem> expected = GraphCheck.problems(nodes);
    assertEquals(2, expected.size());
    assertEquals(expected, e.problems());
    assertEquals(
        expected.stream().map(GraphProblem::message).collect(Collectors.joining("\n")),
        e.getMessage());
  }
}
