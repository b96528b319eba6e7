package dev.retort.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

/** The kit's other tests: stairway, irreversible revisions, data migrations, scratch use. */
class KitTest {

  private static final String SCHEMAS =
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'retort\\_scratch\\_%'";

  @TempDir Path dir;

  /** Two branches from a1 that each create table log: each works alone, not after the other. */
  private MigrationRegistry clashingBranches() {
    RevisionSpec base = RevisionSpec.table("a1");
    String create = "ctx.execute(\"CREATE TABLE log (id INTEGER)\");";
    String drop = "ctx.execute(\"DROP TABLE log\");";
    return RegistryCompiler.compile(
        dir.resolve("clash"),
        "it.clash",
        List.of(
            base,
            new RevisionSpec("b2", List.of("a1"), List.of(), List.of(), create, drop, true),
            new RevisionSpec("c3", List.of("a1"), List.of(), List.of(), create, drop, true)));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theStairwayCatchesARevisionThatOnlyWorksFromItsAncestors(TestDatabase db) throws Exception {
    MigrationRegistry registry = clashingBranches();

    assertEquals(
        Map.of(
            "a1 (revision a1)",
            "passed",
            "b2 (revision b2)",
            "passed",
            "c3 (revision c3)",
            "passed"),
        Outcomes.of(MigrationTests.roundTrip(registry, db.freshUrl(dir))));
    Map<String, String> stairway = Outcomes.of(MigrationTests.stairway(registry, db.freshUrl(dir)));
    assertEquals("passed", stairway.get("a1 (revision a1)"));
    assertEquals("passed", stairway.get("b2 (revision b2)"));
    assertTrue(stairway.get("c3 (revision c3)").startsWith("failed: "), stairway.toString());
    assertTrue(stairway.get("c3 (revision c3)").contains("log"), stairway.toString());
  }

  @Test
  void anIrreversibleRevisionIsUpgradedAndItsDowngradeSkippedSayingSo() throws Exception {
    MigrationRegistry registry =
        RegistryCompiler.compile(
            dir.resolve("irreversible"),
            "it.irreversible",
            List.of(
                RevisionSpec.table("a1"),
                RevisionSpec.table("b2", "a1").withDowngrade(null),
                RevisionSpec.table("c3", "b2")));

    Map<String, String> outcomes =
        Outcomes.of(MigrationTests.roundTrip(registry, TestDatabase.SQLITE.freshUrl(dir)));

    assertEquals(
        "aborted: b2 (revision b2) is @Irreversible (test revision without downgrade): upgraded;"
            + " its downgrade is not tested",
        outcomes.get("b2 (revision b2)"));
    assertEquals("passed", outcomes.get("a1 (revision a1)"));
    assertEquals("passed", outcomes.get("c3 (revision c3)"));
  }

  @Test
  void aSqliteScratchFileTheKitCreatedIsGoneAfterTheTests() throws Exception {
    Path file = dir.resolve("scratch.db");
    Outcomes.of(MigrationTests.roundTrip(clashingBranches(), "jdbc:sqlite:" + file));
    try (var left = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("clash")), left.toList());
    }
  }

  @Test
  void aPostgresqlScratchSchemaIsDroppedAfterTheTests() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    Map<String, String> outcomes =
        Outcomes.of(
            MigrationTests.stairway(
                RegistryCompiler.compile(dir, List.of(RevisionSpec.table("a1"))), url));

    assertEquals(Map.of("a1 (revision a1)", "passed"), outcomes);
    assertEquals(List.of(), TestDatabase.column(url, SCHEMAS));
    assertEquals(List.of(), TestDatabase.POSTGRESQL.tables(url));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDatabaseInUseIsRefusedBeforeAnyTestRuns(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    TestDatabase.execute(url, "CREATE TABLE customers (id INTEGER)");

    RetortException e =
        assertThrows(
            RetortException.class, () -> MigrationTests.roundTrip(clashingBranches(), url));

    assertTrue(e.getMessage().contains("is not empty (it holds table customers"), e.getMessage());
    assertEquals(List.of("customers"), db.tables(url));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDataMigrationIsTestedWithRowsSeededBeforeIt(TestDatabase db) throws Exception {
    MigrationRegistry registry =
        RegistryCompiler.compile(
            dir.resolve("data"),
            "it.data",
            List.of(
                new RevisionSpec(
                    "a1",
                    List.of(),
                    List.of(),
                    List.of(),
                    "ctx.execute(\"CREATE TABLE users (email VARCHAR(100))\");",
                    "ctx.execute(\"DROP TABLE users\");",
                    true),
                new RevisionSpec(
                    "b2",
                    List.of("a1"),
                    List.of(),
                    List.of(),
                    "ctx.execute(\"UPDATE users SET email = lower(email)\");",
                    null,
                    true)));
    DatabaseStep seed =
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO users VALUES ('Ann@Example.org')");
          }
        };

    MigrationTests.dataMigration(
        registry, db.freshUrl(dir), "b2", seed, c -> assertEquals("ann@example.org", email(c)));
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () ->
                MigrationTests.dataMigration(
                    registry,
                    db.freshUrl(dir),
                    "b2",
                    seed,
                    c -> assertEquals("Ann@Example.org", email(c))));
    assertTrue(e.getMessage().contains("but was: <ann@example.org>"), e.getMessage());
  }

  private static String email(java.sql.Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT email FROM users")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
