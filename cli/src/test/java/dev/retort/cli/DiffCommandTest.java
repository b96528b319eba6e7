package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff, on real SQLite files and a real PostgreSQL server. */
class DiffCommandTest {

  @TempDir Path dir;
  private SqliteFile db;
  private Cli cli;

  @BeforeEach
  void setUp() {
    db = new SqliteFile(dir);
    cli = Cli.of(Graphs.jobBoard(), db.url());
  }

  @Test
  void aMigratedDatabaseMatchesAndAColumnAddedByHandIsFound() throws Exception {
    assertEquals(0, cli.run("upgrade", "heads").exit());

    Cli.Result same = cli.run("diff");
    assertEquals(0, same.exit(), same.err());
    assertEquals("The database's schema is the one the revisions build at heads\n", same.out());

    db.execute("ALTER TABLE " + TestRegistry.table("c3") + " ADD COLUMN note TEXT");
    Cli.Result drifted = cli.run("diff");

    assertEquals(1, drifted.exit());
    assertEquals(
        List.of(
            "The database's schema differs from the one the revisions build at heads (added: only"
                + " in the database; removed: only in the revisions):",
            "  table " + TestRegistry.table("c3") + ", column note: added (TEXT)"),
        drifted.lines());
    assertEquals("FAILED: 1 difference from the schema at heads; see above\n", drifted.err());
  }

  @Test
  void aDatabaseBehindHeadsMissesWhatIsPending() {
    assertEquals(0, cli.run("upgrade", "d4").exit());

    Cli.Result result = cli.run("diff");

    assertEquals(1, result.exit());
    assertTrue(
        result.out().contains("  table " + TestRegistry.table("c3") + ": removed\n"), result.out());
  }

  @Test
  void postgresqlComparesWithAScratchDatabaseOfItsOwnKind() throws Exception {
    String live = TestDatabase.POSTGRESQL.freshUrl(dir);
    String scratch = TestDatabase.POSTGRESQL.freshUrl(dir);
    Cli postgres = Cli.of(Graphs.jobBoard(), live);
    assertEquals(0, postgres.run("upgrade", "heads").exit());

    Cli.Result refused = postgres.run("diff");
    assertEquals(1, refused.exit());
    assertTrue(
        refused.err().contains("give the URL of an empty PostgreSQL database"), refused.err());

    assertEquals(0, postgres.run("diff", "--scratch-url", scratch).exit());
    String platformStyle =
        scratch.replaceFirst(
            "^jdbc:postgresql://([^/]+)/([^?]+)\\?user=(\\w+)$", "postgres://$3@$1/$2");
    assertTrue(platformStyle.startsWith("postgres://postgres@"), platformStyle);
    Cli.Result asPlatformUrl = postgres.run("diff", "--scratch-url", platformStyle);
    assertEquals(0, asPlatformUrl.exit(), asPlatformUrl.err());
    TestDatabase.execute(live, "ALTER TABLE " + TestRegistry.table("c3") + " ADD COLUMN note TEXT");
    Cli.Result drifted = postgres.run("diff", "--scratch-url", scratch);
    assertEquals(1, drifted.exit());
    assertTrue(drifted.out().contains(", column note: added (text)\n"), drifted.out());
    assertEquals(List.of(), TestDatabase.POSTGRESQL.tables(scratch), "the scratch schema is gone");

    Cli.Result inUse = postgres.run("diff", "--scratch-url", live);
    assertEquals(1, inUse.exit());
    assertTrue(inUse.err().contains("is not empty"), inUse.err());
  }
}
