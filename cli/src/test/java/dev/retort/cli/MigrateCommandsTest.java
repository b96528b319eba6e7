package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** upgrade, downgrade and stamp, online and with --sql, on a real SQLite file. */
class MigrateCommandsTest {

  @TempDir Path dir;
  private SqliteFile db;
  private Cli cli;

  @BeforeEach
  void setUp() {
    db = new SqliteFile(dir);
    cli = Cli.of(Graphs.jobBoard(), db.url());
  }

  @Test
  void upgradeHeadsAppliesEveryRevision() throws Exception {
    Cli.Result result = cli.run("upgrade", "heads");
    assertEquals(0, result.exit(), result.err());
    assertEquals("", result.out());
    assertEquals(
        List.of("t_a1", "t_b2", "t_c3", "t_d4", "t_e5", "t_f6", "t_g7"), db.revisionTables());
    assertEquals(List.of("e5", "g7"), db.versions("retort_version"));
  }

  @Test
  void theDdlLockTimeoutReachesThePostgresqlScript() {
    Cli.Result set =
        cli.run("upgrade", "--sql", "a1", "--dialect", "postgresql", "--ddl-lock-timeout", "750ms");
    assertEquals(0, set.exit(), set.err());
    assertTrue(set.out().contains("BEGIN;\nSET LOCAL lock_timeout = '750ms';\n"), set.out());

    Cli.Result none =
        cli.run("upgrade", "--sql", "a1", "--dialect", "postgresql", "--ddl-lock-timeout", "0");
    assertEquals(0, none.exit(), none.err());
    assertFalse(none.out().contains("lock_timeout"), none.out());

    Cli.Result unitless = cli.run("upgrade", "heads", "--ddl-lock-timeout", "5");
    assertEquals(2, unitless.exit());
    assertTrue(
        unitless
            .err()
            .contains(
                "--ddl-lock-timeout takes a duration such as 500ms, 5s or 2m (0: no limit), not 5"),
        unitless.err());
  }

  @Test
  void upgradeOneBranchByLabel() throws Exception {
    assertEquals(0, cli.run("upgrade", "audit@head").exit());
    // g7 depends on a1, so a1 comes along; nothing else of the app branch does.
    assertEquals(List.of("t_a1", "t_f6", "t_g7"), db.revisionTables());
  }

  @Test
  void upgradeRelative() throws Exception {
    Cli line = Cli.of(Graphs.line(), db.url());
    assertEquals(0, line.run("upgrade", "+1").exit());
    assertEquals(List.of("a1"), db.versions("retort_version"));
    assertEquals(0, line.run("upgrade", "+2").exit());
    assertEquals(List.of("c3"), db.versions("retort_version"));
  }

  @Test
  void upgradeHeadWithSeveralHeadsNamesThem() {
    Cli.Result result = cli.run("upgrade", "head");
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: 'head' is ambiguous: there are 2 heads (e5, g7); name one, use 'heads' for all of"
            + " them, or a LABEL@head\n",
        result.err());
  }

  @Test
  void upgradeToAnUnknownRevision() throws Exception {
    Cli.Result result = cli.run("upgrade", "x9x9x9");
    assertEquals(1, result.exit());
    assertTrue(result.err().startsWith("FAILED: no revision 'x9x9x9'"), result.err());
    assertEquals(List.of(), db.revisionTables());
  }

  @Test
  void failingRevisionIsRolledBackAndReportedOnOneLine() throws Exception {
    TestRegistry registry = TestRegistry.create().rev("a1", "first").failing("b2", "a1");
    Cli.Result result = Cli.of(registry, db.url()).run("upgrade", "heads");
    assertEquals(1, result.exit());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("FAILED: upgrade of revision 'b2'"), result.err());
    assertTrue(result.err().contains("Failing SQL: INSERT INTO no_such_table VALUES (1)"));
    assertEquals(List.of("t_a1"), db.revisionTables());
    assertEquals(List.of("a1"), db.versions("retort_version"));
  }

  @Test
  void failureWithVerbosePrintsTheStackTrace() {
    TestRegistry registry = TestRegistry.create().rev("a1", "first").failing("b2", "a1");
    Cli.Result result = Cli.of(registry, db.url()).run("upgrade", "heads", "-v");
    assertEquals(1, result.exit());
    assertTrue(result.err().startsWith("FAILED: upgrade of revision 'b2'"), result.err());
    assertTrue(result.err().contains("\tat "), result.err());
  }

  @Test
  void downgradeRelativeAndToBase() throws Exception {
    Cli line = Cli.of(Graphs.line(), db.url());
    assertEquals(0, line.run("upgrade", "heads").exit());
    Cli.Result result = line.run("downgrade", "-1");
    assertEquals(0, result.exit(), result.err());
    assertEquals(List.of("b2"), db.versions("retort_version"));
    assertEquals(List.of("t_a1", "t_b2"), db.revisionTables());
    assertEquals(0, line.run("downgrade", "base").exit());
    assertEquals(List.of(), db.versions("retort_version"));
    assertEquals(List.of(), db.revisionTables());
  }

  @Test
  void downgradeOneBranchOfTwo() throws Exception {
    assertEquals(0, cli.run("upgrade", "heads").exit());
    assertEquals(0, cli.run("downgrade", "f6").exit());
    assertEquals(List.of("e5", "f6"), db.versions("retort_version"));
    assertEquals(List.of("t_a1", "t_b2", "t_c3", "t_d4", "t_e5", "t_f6"), db.revisionTables());
  }

  @Test
  void downgradeRelativeThroughAMergeNeedsATarget() {
    assertEquals(0, cli.run("upgrade", "app@head").exit());
    Cli.Result result = cli.run("downgrade", "-1");
    assertEquals(1, result.exit());
    assertTrue(result.err().contains("name the target revision instead"), result.err());
  }

  @Test
  void downgradeThroughAnIrreversibleRevisionIsRefused() throws Exception {
    TestRegistry registry =
        TestRegistry.create()
            .rev("a1", "first")
            .irreversible("b2", "it drops the legacy column", "a1")
            .rev("c3", "third", "b2");
    Cli irreversible = Cli.of(registry, db.url());
    assertEquals(0, irreversible.run("upgrade", "heads").exit());
    assertEquals(0, irreversible.run("downgrade", "b2").exit());
    Cli.Result result = irreversible.run("downgrade", "base");
    assertEquals(1, result.exit());
    assertTrue(result.err().contains("it drops the legacy column"), result.err());
    assertEquals(List.of("b2"), db.versions("retort_version"));
  }

  @Test
  void stampSetsRowsWithoutRunningAnything() throws Exception {
    Cli.Result result = cli.run("stamp", "heads");
    assertEquals(0, result.exit(), result.err());
    assertEquals(List.of("e5", "g7"), db.versions("retort_version"));
    assertEquals(List.of(), db.revisionTables());
    assertEquals(0, cli.run("stamp", "base").exit());
    assertEquals(List.of(), db.versions("retort_version"));
  }

  @Test
  void stampPurgeReplacesARowTheApplicationDoesNotKnow() throws Exception {
    assertEquals(0, cli.run("upgrade", "a1").exit());
    db.execute("UPDATE retort_version SET version_num = 'gone1'");
    Cli.Result refused = cli.run("upgrade", "heads");
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("'stamp --purge <revision>'"), refused.err());
    assertEquals(1, cli.run("stamp", "a1").exit());
    Cli.Result purged = cli.run("stamp", "a1", "--purge");
    assertEquals(0, purged.exit(), purged.err());
    assertEquals(List.of("a1"), db.versions("retort_version"));
  }

  @Test
  void upgradeSqlPrintsTheScriptAndTouchesNothing() throws Exception {
    Path file = dir.resolve("never.db");
    Cli.Result result =
        Cli.of(Graphs.line(), null)
            .run("upgrade", "heads", "--sql", "--url", "jdbc:sqlite:" + file);
    assertEquals(0, result.exit(), result.err());
    String script = result.out();
    assertTrue(script.startsWith("-- Retort offline script (sqlite)"), script);
    int a1 = script.indexOf("CREATE TABLE t_a1");
    int b2 = script.indexOf("CREATE TABLE t_b2");
    int c3 = script.indexOf("CREATE TABLE t_c3");
    assertTrue(0 < a1 && a1 < b2 && b2 < c3, script);
    assertTrue(script.contains("retort_version"), script);
    assertFalse(Files.exists(file));
  }

  @Test
  void upgradeSqlOfARange() {
    Cli.Result result = Cli.of(Graphs.line(), db.url()).run("upgrade", "--sql", "a1:c3");
    assertEquals(0, result.exit(), result.err());
    assertFalse(result.out().contains("CREATE TABLE t_a1"), result.out());
    assertTrue(result.out().contains("CREATE TABLE t_b2"), result.out());
    assertTrue(result.out().contains("CREATE TABLE t_c3"), result.out());
  }

  @Test
  void downgradeSqlOfARange() {
    Cli.Result result = Cli.of(Graphs.line(), db.url()).run("downgrade", "--sql", "heads:a1");
    assertEquals(0, result.exit(), result.err());
    int c3 = result.out().indexOf("DROP TABLE t_c3");
    int b2 = result.out().indexOf("DROP TABLE t_b2");
    assertTrue(0 < c3 && c3 < b2, result.out());
    assertFalse(result.out().contains("DROP TABLE t_a1"), result.out());
  }

  @Test
  void downgradeSqlNeedsARange() {
    Cli.Result result = Cli.of(Graphs.line(), db.url()).run("downgrade", "--sql", "base");
    assertEquals(1, result.exit());
    assertTrue(result.err().startsWith("FAILED: an offline downgrade needs a range FROM:TO"));
  }

  @Test
  void sqlNeedsToKnowTheDatabase() {
    Cli.Result result = Cli.of(Graphs.line(), null).run("upgrade", "heads", "--sql");
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: --sql needs to know the database: pass --dialect postgresql or --dialect"
            + " sqlite (or a --url, of which only the kind is read: nothing connects in --sql"
            + " mode)\n",
        result.err());
  }

  @Test
  void sqlForADialectNeedsNoUrl() {
    // DATABASE_URL names a server that is not there; --dialect alone decides, nothing connects.
    Cli noUrl =
        Cli.of(Graphs.line(), null)
            .env(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none"));
    Cli.Result sqlite = noUrl.run("upgrade", "heads", "--sql", "--dialect", "sqlite");
    assertEquals(0, sqlite.exit(), sqlite.err());
    assertTrue(sqlite.out().startsWith("-- Retort offline script (sqlite)"), sqlite.out());
    Cli.Result postgres = noUrl.run("downgrade", "--sql", "heads:a1", "--dialect", "postgresql");
    assertEquals(0, postgres.exit(), postgres.err());
    assertTrue(postgres.out().startsWith("-- Retort offline script (postgresql)"), postgres.out());
    assertTrue(postgres.out().contains("DROP TABLE t_c3"), postgres.out());
  }

  @Test
  void dialectGoesWithSqlAloneAndNotWithUrl() {
    Cli line = Cli.of(Graphs.line(), db.url());
    Cli.Result live = line.run("upgrade", "heads", "--dialect", "sqlite");
    assertEquals(2, live.exit());
    assertEquals(
        "retort: --dialect goes with --sql, which writes a script for that database; a migration"
            + " that runs takes the database from --url (see 'retort upgrade --help')\n",
        live.err());
    Cli.Result both =
        line.run("upgrade", "heads", "--sql", "--dialect", "sqlite", "--url", db.url());
    assertEquals(2, both.exit());
    assertEquals(
        "retort: choose one of --url and --dialect (see 'retort upgrade --help')\n", both.err());
    Cli.Result other = line.run("upgrade", "heads", "--sql", "--dialect", "mysql");
    assertEquals(2, other.exit());
    assertEquals(
        "retort: --dialect is postgresql or sqlite, not 'mysql' (see 'retort upgrade --help')\n",
        other.err());
  }

  @Test
  void anUpgradeRangeThatGoesDownAndADowngradeRangeThatGoesUpAreRefused() {
    Cli line = Cli.of(Graphs.line(), null);
    Cli.Result up = line.run("upgrade", "--sql", "heads:base", "--dialect", "sqlite");
    assertEquals(1, up.exit());
    assertEquals("", up.out());
    assertEquals(
        "FAILED: 'heads:base' goes down: base is below heads, and an upgrade's range goes up, as"
            + " base:heads does; for the script of a downgrade, give the range to the downgrade\n",
        up.err());
    Cli.Result down = line.run("downgrade", "--sql", "a1:c3", "--dialect", "sqlite");
    assertEquals(1, down.exit());
    assertEquals("", down.out());
    assertTrue(
        down.err().startsWith("FAILED: 'a1:c3' does not go down: c3 is not below a1"), down.err());
  }

  @Test
  void stampHasNoSqlMode() {
    Cli.Result result = cli.run("stamp", "heads", "--sql");
    assertEquals(2, result.exit());
    assertEquals(
        "retort: option --sql does not apply to 'stamp' (see 'retort stamp --help')\n",
        result.err());
  }

  @Test
  void versionTableOption() throws Exception {
    Cli line = Cli.of(Graphs.line(), db.url());
    assertEquals(0, line.run("upgrade", "b2", "--version-table", "schema_versions").exit());
    assertEquals(List.of("b2"), db.versions("schema_versions"));
    assertEquals("b2\n", line.run("current", "--version-table", "schema_versions").out());
    assertEquals(ReadCommands.AT_BASE + "\n", line.run("current").out());
  }

  @Test
  void versionTableMustBeAnIdentifier() {
    Cli.Result result = cli.run("current", "--version-table", "x; DROP TABLE y");
    assertEquals(1, result.exit());
    assertTrue(result.err().startsWith("FAILED: "), result.err());
    assertTrue(result.err().contains("version table"), result.err());
  }

  @Test
  void schemaOption() throws Exception {
    // SQLite's schemas are its attached databases; "main" is the file itself.
    Cli line = Cli.of(Graphs.line(), db.url());
    assertEquals(0, line.run("upgrade", "a1", "--schema", "main").exit());
    assertEquals(List.of("a1"), db.versions("main.retort_version"));
    assertEquals("a1\n", line.run("current", "--schema", "main").out());
    Cli.Result unknown = line.run("upgrade", "heads", "--schema", "nowhere");
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().startsWith("FAILED: "), unknown.err());
  }

  @Test
  void urlOptionBeatsDatabaseUrlWhichBeatsTheDefault() throws Exception {
    SqliteFile flag = new SqliteFile(Files.createDirectory(dir.resolve("flag")));
    SqliteFile variable = new SqliteFile(Files.createDirectory(dir.resolve("env")));
    SqliteFile fallback = new SqliteFile(Files.createDirectory(dir.resolve("default")));
    Cli withEnv = Cli.of(Graphs.line(), fallback.url()).env(Map.of("DATABASE_URL", variable.url()));
    assertEquals(0, withEnv.run("upgrade", "a1", "--url", flag.url()).exit());
    assertEquals(List.of("a1"), flag.versions("retort_version"));
    assertEquals(0, withEnv.run("upgrade", "b2").exit());
    assertEquals(List.of("b2"), variable.versions("retort_version"));
    assertEquals(0, Cli.of(Graphs.line(), fallback.url()).run("upgrade", "c3").exit());
    assertEquals(List.of("c3"), fallback.versions("retort_version"));
  }

  @Test
  void noDatabaseAnywhere() {
    Cli none = Cli.of(Graphs.line(), null);
    for (String verb : List.of("current", "check")) {
      Cli.Result result = none.run(verb);
      assertEquals(1, result.exit(), verb);
      assertEquals(
          "FAILED: no database given: pass --url JDBC_URL or set the DATABASE_URL environment"
              + " variable\n",
          result.err());
    }
    // The registry alone answers these.
    assertEquals(0, none.run("heads").exit());
    assertEquals(0, none.run("history").exit());
  }

  @Test
  void passwordsNeverAppearInMessages() {
    Cli.Result result =
        Cli.of(Graphs.line(), null)
            .run("current", "--url", "jdbc:postgresql://127.0.0.1:1/x?user=app&password=hunter2");
    assertEquals(1, result.exit());
    assertTrue(result.err().startsWith("FAILED: could not connect"), result.err());
    assertFalse(result.err().contains("hunter2"), result.err());
  }

  @Test
  void databaseUrlMustBeAUrlWeKnow() {
    Cli.Result result =
        Cli.of(Graphs.line(), null).env(Map.of("DATABASE_URL", "mysql://u:p@h/db")).run("current");
    assertEquals(1, result.exit());
    assertTrue(result.err().startsWith("FAILED: the database URL must be a JDBC URL"));
    assertFalse(result.err().contains("u:p"), result.err());
  }

  @Test
  void connectorOpensTheDatabaseOnlyForVerbsThatUseItAndClosesIt() {
    List<String> calls = new java.util.ArrayList<>();
    Connector recording =
        (builder, url) -> {
          calls.add("connect " + url);
          builder.url(url);
          return () -> calls.add("close");
        };
    RetortCli withConnector =
        new RetortCli(Graphs.line(), db.url(), System.out, System.err, Map.of())
            .withConnector(recording);
    assertEquals(0, withConnector.run("heads"));
    assertEquals(0, withConnector.run("upgrade", "--sql", "heads"));
    assertEquals(List.of(), calls);
    assertEquals(0, withConnector.run("upgrade", "heads"));
    assertEquals(List.of("connect " + db.url(), "close"), calls);
  }

  @Test
  void connectorThatFails() {
    Connector failing =
        (builder, url) -> {
          throw new java.io.IOException("pool exhausted");
        };
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stream =
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
    int exit =
        new RetortCli(Graphs.line(), db.url(), stream, stream, Map.of())
            .withConnector(failing)
            .run("current");
    assertEquals(1, exit);
    assertEquals(
        "FAILED: could not set up the database connection: pool exhausted\n",
        err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
