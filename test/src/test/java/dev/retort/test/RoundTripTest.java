package dev.retort.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.MigrationRegistry;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision set whose middle revision's downgrade is broken: exactly that revision's round trip
 * fails, naming what it left behind; with the downgrade fixed, every round trip passes. On SQLite
 * and PostgreSQL, with each revision set compiled once.
 */
class RoundTripTest {

  /** The tests' names: id and description (RegistryCompiler's revisions are "revision ID"). */
  private static final String A1 = "a1 (revision a1)";

  private static final String B2 = "b2 (revision b2)";
  private static final String C3 = "c3 (revision c3)";

  @TempDir Path dir;

  /** Creates table items; the next revision is the one under test; the last adds a table. */
  private MigrationRegistry graph(String pkg, RevisionSpec middle) {
    RevisionSpec base =
        new RevisionSpec(
            "a1",
            List.of(),
            List.of(),
            List.of(),
            "ctx.execute(\"CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50),"
                + " status VARCHAR(10) DEFAULT 'open')\");",
            "ctx.execute(\"DROP TABLE items\");",
            true);
    return RegistryCompiler.compile(
        dir.resolve(pkg), "it." + pkg, List.of(base, middle, RevisionSpec.table("c3", "b2")));
  }

  private static RevisionSpec middle(String upgrade, String downgrade) {
    return new RevisionSpec(
        "b2",
        List.of("a1"),
        List.of(),
        List.of(),
        "ctx.execute(\"" + upgrade + "\");",
        downgrade.isEmpty() ? "" : "ctx.execute(\"" + downgrade + "\");",
        true);
  }

  @Test
  void aDowngradeThatLeavesAColumnBehindFailsItsRevisionOnly() throws Exception {
    String add = "ALTER TABLE items ADD COLUMN note TEXT";
    MigrationRegistry broken = graph("column", middle(add, ""));
    MigrationRegistry fixed =
        graph("columnfixed", middle(add, "ALTER TABLE items DROP COLUMN note"));
    for (TestDatabase db : TestDatabase.values()) {
      assertFailsOnlyB2(run(db, broken), "table items, column note: added (text)");
      assertAllPass(run(db, fixed));
    }
  }

  @Test
  void aForgottenIndexFailsItsRevisionOnly() throws Exception {
    String create = "CREATE INDEX ix_items_name ON items (name)";
    MigrationRegistry broken = graph("index", middle(create, ""));
    MigrationRegistry fixed = graph("indexfixed", middle(create, "DROP INDEX ix_items_name"));
    for (TestDatabase db : TestDatabase.values()) {
      assertFailsOnlyB2(run(db, broken), "table items, index ix_items_name: added");
      assertAllPass(run(db, fixed));
    }
  }

  @Test
  void aChangedDefaultFailsItsRevisionOnly() throws Exception {
    String drop = "ALTER TABLE items DROP COLUMN status";
    String wrong = "ALTER TABLE items ADD COLUMN status VARCHAR(10) DEFAULT 'closed'";
    String right = "ALTER TABLE items ADD COLUMN status VARCHAR(10) DEFAULT 'open'";
    MigrationRegistry broken = graph("defaults", middle(drop, wrong));
    MigrationRegistry fixed = graph("defaultsfixed", middle(drop, right));
    for (TestDatabase db : TestDatabase.values()) {
      Map<String, String> outcomes = run(db, broken);
      assertFailsOnlyB2(outcomes, "table items, column status: changed:");
      assertFailsOnlyB2(outcomes, "'closed'");
      assertAllPass(run(db, fixed));
    }
  }

  private Map<String, String> run(TestDatabase db, MigrationRegistry registry) throws Exception {
    return Outcomes.of(MigrationTests.roundTrip(registry, db.freshUrl(dir)));
  }

  private static void assertFailsOnlyB2(Map<String, String> outcomes, String difference) {
    assertEquals(List.of(A1, B2, C3), List.copyOf(outcomes.keySet()));
    assertEquals("passed", outcomes.get(A1));
    assertEquals("passed", outcomes.get(C3));
    String b2 = outcomes.get(B2);
    if (!b2.startsWith("failed: " + B2 + ": its downgrade did not restore the schema")
        || !b2.toLowerCase(Locale.ROOT).contains(difference)) {
      throw new AssertionError("b2 should fail naming '" + difference + "', but: " + b2);
    }
  }

  private static void assertAllPass(Map<String, String> outcomes) {
    assertEquals(Map.of(A1, "passed", B2, "passed", C3, "passed"), outcomes);
  }
}
