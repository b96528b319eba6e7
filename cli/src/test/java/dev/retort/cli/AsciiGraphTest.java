package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code history --graph}, asserted character for character. */
class AsciiGraphTest {

  private static String graph(TestRegistry registry) {
    Cli.Result result = Cli.of(registry, null).run("history", "--graph");
    assertEquals(0, result.exit(), result.err());
    return result.out();
  }

  @Test
  void mergeAndAnIndependentLabelledBranch() {
    assertEquals(
        """
        * g7 (audit) (head) (depends on a1), audit users
        * f6 (audit), create audit log

        * e5 (app) (head) (mergepoint), merge postings and index
        |\\
        | * d4, index companies
        * | c3, create postings
        |/
        * b2 (branchpoint), create companies
        * a1 (app), create users
        """,
        graph(Graphs.jobBoard()));
  }

  @Test
  void labelledBranchOffTheMainLine() {
    TestRegistry registry =
        TestRegistry.create()
            .labelled("a1", "app", "create users")
            .rev("b2", "add email", "a1")
            .rev("c3", "add name", "b2")
            .labelled("x9", "reports", "reporting tables", "a1")
            .rev("y8", "report index", "x9");
    assertEquals(
        """
        * y8 (app, reports) (head), report index
        * x9 (reports), reporting tables
        | * c3 (app) (head), add name
        | * b2, add email
        |/
        * a1 (app) (branchpoint), create users
        """,
        graph(registry));
  }

  @Test
  void octopusMerge() {
    TestRegistry registry =
        TestRegistry.create()
            .rev("a", "base")
            .rev("b", "b", "a")
            .rev("c", "c", "a")
            .rev("d", "d", "a")
            .rev("m", "merge", "b", "c", "d");
    assertEquals(
        """
        *-. m (head) (mergepoint), merge
        |\\ \\
        | | * d, d
        | * | c, c
        * | | b, b
        |/ /
        |/
        * a (branchpoint), base
        """,
        graph(registry));
  }

  @Test
  void mergeBesideAnotherLine() {
    TestRegistry registry =
        TestRegistry.create()
            .labelled("a", "x", "base")
            .rev("b", "b", "a")
            .rev("c", "c", "a")
            .rev("d", "d", "a")
            .rev("m", "merge", "b", "d")
            .labelled("z", "other", "z", "c");
    assertEquals(
        """
        * z (other, x) (head), z
        * c, c
        | * m (x) (head) (mergepoint), merge
        | |\\
        | | * d, d
        | * | b, b
        |/ /
        |/
        * a (x) (branchpoint), base
        """,
        graph(registry));
  }

  @Test
  void lineThatCrossesAnother() {
    // c1's line passes d1's to reach a1, as git draws it: "| |/" then "|/|".
    TestRegistry registry =
        TestRegistry.create()
            .labelled("a1", "l", "a1")
            .labelled("b1", "o", "b1")
            .rev("c0", "c0", "b1")
            .rev("c1", "c1", "a1")
            .rev("d1", "d1", "b1")
            .rev("e1", "e1", "a1");
    assertEquals(
        """
        * e1 (l) (head), e1
        | * d1 (o) (head), d1
        | | * c1 (l) (head), c1
        | |/
        |/|
        * | a1 (l) (branchpoint), a1
         /
        | * c0 (o) (head), c0
        |/
        * b1 (o) (branchpoint), b1
        """,
        graph(registry));
  }

  @Test
  void rangeDrawsOnlyItsRevisions() {
    Cli.Result result = Cli.of(Graphs.jobBoard(), null).run("history", "--graph", "-r", "c3:e5");
    assertEquals(
        """
        * e5 (app) (head) (mergepoint), merge postings and index
        * c3, create postings
        """,
        result.out());
  }
}
