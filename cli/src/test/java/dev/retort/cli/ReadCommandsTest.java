package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** current, heads, branches, history, show and check, on a real SQLite file. */
class ReadCommandsTest {

  @TempDir Path dir;
  private SqliteFile db;
  private Cli cli;

  @BeforeEach
  void setUp() {
    db = new SqliteFile(dir);
    cli = Cli.of(Graphs.jobBoard(), db.url());
  }

  @Test
  void headsWithTheirBranchLabels() {
    Cli.Result result = cli.run("heads");
    assertEquals(0, result.exit());
    assertEquals("e5 (app) (head)\ng7 (audit) (head)\n", result.out());
    assertEquals("", result.err());
  }

  @Test
  void headsVerbose() {
    Cli.Result result = cli.run("heads", "-v");
    assertEquals(0, result.exit());
    assertTrue(result.out().startsWith("Rev: e5 (head) (mergepoint)\nMerges: c3, d4\n"));
    assertTrue(result.out().contains("Rev: g7 (head)\nParent: f6\nAlso depends on: a1\n"));
  }

  @Test
  void branchesListsEachBranchPointAndWhereItLeads() {
    Cli.Result result = cli.run("branches");
    assertEquals(0, result.exit());
    assertEquals("b2 (app) (branchpoint)\n   -> c3 (app)\n   -> d4 (app)\n\n", result.out());
  }

  @Test
  void branchesOfALineIsEmpty() {
    Cli.Result result = Cli.of(Graphs.line(), db.url()).run("branches");
    assertEquals(0, result.exit());
    assertEquals("", result.out());
  }

  @Test
  void historyNewestFirstWithParentsAndMarks() {
    Cli.Result result = cli.run("history");
    assertEquals(0, result.exit());
    assertEquals(
        List.of(
            "f6 (a1) -> g7 (audit) (head), audit users",
            "<base> -> f6 (audit), create audit log",
            "c3, d4 -> e5 (app) (head) (mergepoint), merge postings and index",
            "b2 -> d4 (app), index companies",
            "b2 -> c3 (app), create postings",
            "a1 -> b2 (app) (branchpoint), create companies",
            "<base> -> a1 (app), create users"),
        result.lines());
  }

  @Test
  void historyOfARange() {
    Cli.Result result = cli.run("history", "-r", "b2:e5");
    assertEquals(0, result.exit());
    assertEquals(
        List.of(
            "c3, d4 -> e5 (app) (head) (mergepoint), merge postings and index",
            "b2 -> d4 (app), index companies",
            "b2 -> c3 (app), create postings",
            "a1 -> b2 (app) (branchpoint), create companies"),
        result.lines());
  }

  @Test
  void historyOfAnUnknownRange() {
    Cli.Result result = cli.run("history", "--rev-range", "zz:");
    assertEquals(1, result.exit());
    assertTrue(result.err().startsWith("FAILED: no revision 'zz'"), result.err());
    assertEquals(1, result.err().lines().count());
  }

  @Test
  void historyVerbosePrintsFullEntries() {
    Cli.Result result = Cli.of(Graphs.line(), db.url()).run("history", "--verbose");
    assertEquals(0, result.exit());
    assertEquals(
        """
        Rev: c3 (head)
        Parent: b2
        Class: dev.retort.test.db.Revision_c3
        Checksum: sha-c3

            third

        Rev: b2
        Parent: a1
        Class: dev.retort.test.db.Revision_b2
        Checksum: sha-b2

            second

        Rev: a1
        Parent: <base>
        Class: dev.retort.test.db.Revision_a1
        Checksum: sha-a1

            first

        """,
        result.out());
  }

  @Test
  void historyAsDot() {
    Cli.Result result = Cli.of(Graphs.line(), db.url()).run("history", "--format", "dot");
    assertEquals(0, result.exit());
    assertEquals(
        """
        digraph retort {
          rankdir=BT;
          node [shape=box, fontname="monospace"];
          "a1" [label="a1\\nfirst"];
          "b2" [label="b2\\nsecond"];
          "a1" -> "b2";
          "c3" [label="c3 (head)\\nthird", style=bold];
          "b2" -> "c3";
        }
        """,
        result.out());
  }

  @Test
  void historyAsDotMarksDependenciesDashed() {
    Cli.Result result = cli.run("history", "--format=dot");
    assertTrue(
        result.out().contains("  \"a1\" -> \"g7\" [style=dashed, label=\"depends on\"];\n"),
        result.out());
    assertTrue(result.out().contains("  \"c3\" -> \"e5\";\n  \"d4\" -> \"e5\";\n"));
  }

  @Test
  void historyAsMermaid() {
    Cli.Result result = cli.run("history", "--format", "mermaid");
    assertEquals(0, result.exit());
    assertEquals(
        """
        flowchart BT
          r0["a1 (app)<br/>create users"]
          r1["b2 (branchpoint)<br/>create companies"]
          r0 --> r1
          r2["c3<br/>create postings"]
          r1 --> r2
          r3["d4<br/>index companies"]
          r1 --> r3
          r4["e5 (app) (head) (mergepoint)<br/>merge postings and index"]
          r2 --> r4
          r3 --> r4
          r5["f6 (audit)<br/>create audit log"]
          r6["g7 (audit) (head)<br/>audit users"]
          r5 --> r6
          r0 -. depends on .-> r6
        """,
        result.out());
  }

  @Test
  void mermaidEscapesQuotes() {
    TestRegistry registry = TestRegistry.create().rev("a1", "say \"hi\" <now>");
    Cli.Result result = Cli.of(registry, null).run("history", "--format", "mermaid");
    assertEquals(
        "flowchart BT\n  r0[\"a1 (head)<br/>say #quot;hi#quot; #lt;now#gt;\"]\n", result.out());
  }

  @Test
  void showEverythingAboutARevision() {
    Cli.Result result = cli.run("show", "b2");
    assertEquals(0, result.exit());
    assertEquals(
        """
        Rev: b2 (branchpoint)
        Parent: a1
        Branches into: c3, d4
        Branch names: app
        Class: dev.retort.test.db.Revision_b2
        Checksum: sha-b2

            create companies
        """,
        result.out());
  }

  @Test
  void showByLabelAndByLabelHead() {
    assertTrue(cli.run("show", "audit").out().startsWith("Rev: f6\n"));
    assertTrue(cli.run("show", "app@head").out().startsWith("Rev: e5 (head) (mergepoint)\n"));
  }

  @Test
  void showIrreversibleAndNonTransactional() {
    TestRegistry registry =
        TestRegistry.create()
            .rev("a1", "first")
            .irreversible("b2", "drops the legacy column", "a1")
            .nonTransactional("c3", "b2");
    Cli cli = Cli.of(registry, null);
    assertTrue(cli.run("show", "b2").out().contains("Irreversible: drops the legacy column\n"));
    assertTrue(cli.run("show", "c3").out().contains("Transactional: no\n"));
  }

  @Test
  void showUnknownSuggestsTheNearest() {
    Cli.Result result = cli.run("show", "c4");
    assertEquals(1, result.exit());
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("FAILED: no revision 'c4'; did you mean "), result.err());
    assertEquals(1, result.err().lines().count());
  }

  @Test
  void currentOfADatabaseAtBaseSaysSo() throws Exception {
    db.execute("CREATE TABLE unrelated (x INTEGER)");
    Cli.Result result = cli.run("current");
    assertEquals(0, result.exit(), result.err());
    assertEquals("base (no revision is applied)\n", result.out());
    assertEquals(0, cli.run("upgrade", "a1").exit());
    assertEquals(0, cli.run("downgrade", "base").exit());
    assertEquals("base (no revision is applied)\n", cli.run("current").out());
  }

  /** Read-only, a database in WAL mode whose -wal and -shm files are gone is still read. */
  @Test
  void readOnlyVerbsReadAWalDatabase() throws Exception {
    db.execute("PRAGMA journal_mode = WAL");
    assertEquals(0, cli.run("upgrade", "c3").exit());
    assertFalse(Files.exists(dir.resolve("test.db-wal")));

    assertEquals("c3\n", cli.run("current").out());
    assertEquals(1, cli.run("check").exit());
  }

  /** A read-only verb opens SQLite read-only: it names a file that is not there, creating none. */
  @Test
  void readOnlyVerbsNeitherCreateADatabaseNorItsFolders() {
    Path missing = dir.resolve("nonexistent").resolve("dir").resolve("x.db");
    Cli nowhere = Cli.of(Graphs.jobBoard(), "jdbc:sqlite:" + missing);
    for (String verb : List.of("current", "check")) {
      Cli.Result result = nowhere.run(verb);
      assertEquals(1, result.exit(), verb);
      assertEquals("", result.out(), verb);
      assertEquals(
          "FAILED: the SQLite database file "
              + missing
              + " does not exist; check the URL, or run 'upgrade' to create it\n",
          result.err(),
          verb);
    }
    assertFalse(Files.exists(dir.resolve("nonexistent")));
  }

  @Test
  void currentMarksHeads() {
    assertEquals(0, cli.run("upgrade", "c3").exit());
    assertEquals("c3\n", cli.run("current").out());
    assertEquals(0, cli.run("upgrade", "heads").exit());
    assertEquals("e5 (head) (mergepoint)\ng7 (head)\n", cli.run("current").out());
  }

  @Test
  void currentVerbose() {
    assertEquals(0, cli.run("upgrade", "audit@head").exit());
    Cli.Result result = cli.run("current", "-v");
    // g7 depends on a1, so its row alone describes the state.
    assertTrue(result.out().startsWith("Rev: g7 (head)\nParent: f6\n"), result.out());
  }

  @Test
  void currentShowsARowTheApplicationDoesNotKnow() throws Exception {
    assertEquals(0, cli.run("upgrade", "a1").exit());
    db.execute("UPDATE retort_version SET version_num = 'zz99'");
    Cli.Result result = cli.run("current");
    assertEquals(0, result.exit());
    assertEquals("zz99 (not in this application)\n", result.out());
  }

  @Test
  void checkFreshDatabaseListsWhatIsPending() throws Exception {
    db.execute("CREATE TABLE unrelated (x INTEGER)");
    Cli.Result result = cli.run("check");
    assertEquals(1, result.exit());
    assertEquals("", result.out());
    assertEquals(
        "FAILED: the database at base is not up to date: 7 revisions pending (a1, b2, c3, d4, e5,"
            + " f6, g7); run 'upgrade heads'\n",
        result.err());
  }

  @Test
  void checkUpToDate() {
    assertEquals(0, cli.run("upgrade", "heads").exit());
    Cli.Result result = cli.run("check");
    assertEquals(0, result.exit(), result.err());
    assertEquals("Up to date: the database is at e5, g7 (head)\n", result.out());
    assertEquals("", result.err());
  }

  @Test
  void checkReportsAChangedRevision() throws Exception {
    assertEquals(0, cli.run("upgrade", "heads").exit());
    db.execute("UPDATE retort_version_history SET checksum = 'edited' WHERE revision = 'c3'");
    Cli.Result result = cli.run("check");
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: the database at e5, g7 is not up to date: the source of 1 applied revision changed"
            + " after it was applied (c3); restore its source, or record an intended edit with"
            + " 'repair'\n",
        result.err());
  }

  @Test
  void checkReportsChangedRevisionsInThePlural() throws Exception {
    assertEquals(0, cli.run("upgrade", "heads").exit());
    db.execute(
        "UPDATE retort_version_history SET checksum = 'edited' WHERE revision IN ('b2', 'c3')");
    Cli.Result result = cli.run("check");
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: the database at e5, g7 is not up to date: the source of 2 applied revisions"
            + " changed after they were applied (b2, c3); restore their source, or record an"
            + " intended edit with 'repair'\n",
        result.err());
  }

  @Test
  void checkListsAtMostTenPendingRevisions() throws Exception {
    db.execute("CREATE TABLE unrelated (x INTEGER)");
    TestRegistry registry = TestRegistry.create().rev("r00", "r00");
    for (int i = 1; i < 12; i++) {
      registry.rev(String.format("r%02d", i), "r", String.format("r%02d", i - 1));
    }
    Cli.Result result = Cli.of(registry, db.url()).run("check");
    assertEquals(1, result.exit());
    assertTrue(
        result
            .err()
            .contains(
                "12 revisions pending (r00, r01, r02, r03, r04, r05, r06, r07,"
                    + " r08, r09 and 2 more)"),
        result.err());
  }
}
