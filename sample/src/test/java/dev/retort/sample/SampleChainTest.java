package dev.retort.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample's whole revision graph on SQLite and PostgreSQL: start-up upgrades it, the data
 * migrations change existing rows, a downgrade to base stops at the irreversible revision, and
 * after the documented way past it the chain goes down to base and up again.
 */
class SampleChainTest {

  private static final String HEADS = "5d0f2a8b7e19 (head)\nf3b8e1a6c074 (head)\n";
  private static final List<String> TABLES =
      List.of(
          "applications",
          "audit_events",
          "companies",
          "postings",
          "retort_version",
          "retort_version_history",
          "users");
  private static final List<String> INDEXES =
      List.of(
          "ix_applications_posting_stage",
          "ix_audit_events_actor",
          "ix_postings_company_status",
          "ux_applications_posting_user",
          "ux_companies_slug");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void upgradesDowngradesToBaseAndUpgradesAgain(TestDatabase database) throws Exception {
    String url = database.freshUrl(dir);
    App app = new App(url);

    // Some data from before the branches, for the data migrations to work on.
    assertSuccess(app.run("upgrade", "b7d2e9a4c613"));
    TestDatabase.execute(
        url,
        "INSERT INTO companies (name) VALUES ('Acme Corp')",
        "INSERT INTO users (email, name) VALUES ('Ada.Lovelace@Example.COM', 'Ada')",
        "INSERT INTO postings (company_id, title, body) VALUES (1, 'Engineer', 'Build things')");

    App.Result start = app.run();
    assertSuccess(start);
    assertEquals(HEADS, start.out());
    assertEquals(TABLES, database.tables(url));
    assertEquals(INDEXES, database.indexes(url));
    assertEquals(List.of("acme-corp-1"), TestDatabase.column(url, "SELECT slug FROM companies"));
    assertEquals(
        List.of("ada.lovelace@example.com"), TestDatabase.column(url, "SELECT email FROM users"));
    assertEquals(
        List.of("open EUR"),
        TestDatabase.column(url, "SELECT status || ' ' || salary_currency FROM postings"));
    assertSuccess(app.run("check"));

    // Starting again has nothing to do.
    assertEquals(HEADS, app.run().out());

    App.Result refused = app.run("downgrade", "base");
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("91c5d3f8a2e7"), refused.err());
    assertTrue(refused.err().contains("their original spelling is not kept"), refused.err());
    assertEquals(HEADS, app.run("current").out());

    assertSuccess(app.run("downgrade", "91c5d3f8a2e7"));
    assertEquals("91c5d3f8a2e7\nf3b8e1a6c074 (head)\n", app.run("current").out());
    assertFalse(database.indexes(url).contains("ix_applications_posting_stage"));

    // Past an irreversible revision by hand: record that the database is at its parent.
    assertSuccess(app.run("stamp", "e6b19d7a2c40"));
    assertSuccess(app.run("downgrade", "base"));
    assertEquals("base (no revision is applied)\n", app.run("current").out());
    assertEquals(List.of("retort_version", "retort_version_history"), database.tables(url));

    App.Result again = app.run();
    assertSuccess(again);
    assertEquals(HEADS, again.out());
    assertEquals(TABLES, database.tables(url));
    assertEquals(INDEXES, database.indexes(url));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eachLineUpgradesOnItsOwn(TestDatabase database) throws Exception {
    String url = database.freshUrl(dir);
    App app = new App(url);
    assertSuccess(app.run("upgrade", "audit@head"));
    // The audit log depends on the users table, so the app line's base comes along.
    assertEquals("f3b8e1a6c074 (head)\n", app.run("current").out());
    assertTrue(database.tables(url).contains("users"));
    assertEquals(
        List.of("ix_audit_events_actor", "ux_applications_posting_user"), database.indexes(url));
    assertSuccess(app.run("upgrade", "app@head"));
    assertEquals(HEADS, app.run("current").out());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void offlineScriptOfTheConcurrentIndex(TestDatabase database) throws Exception {
    String url = database.freshUrl(dir);
    App.Result script = new App(url).run("upgrade", "--sql", "91c5d3f8a2e7:5d0f2a8b7e19");
    assertSuccess(script);
    String index = "ix_applications_posting_stage ON applications (posting_id, stage);";
    if (database == TestDatabase.POSTGRESQL) {
      assertTrue(script.out().contains("CREATE INDEX CONCURRENTLY " + index));
    } else {
      assertTrue(script.out().contains("CREATE INDEX " + index), script.out());
    }
    // Outside a transaction: no BEGIN around it.
    assertFalse(script.out().contains("BEGIN"), script.out());
    assertEquals(List.of(), database.tables(url));
  }

  private static void assertSuccess(App.Result result) {
    assertEquals(0, result.exit(), result.err());
  }
}
