package dev.retort.runtime.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a snapshot reads from real databases, its text form and its differences. */
class SnapshotTest {

  private static final String[] SCHEMA = {
    "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(320) NOT NULL UNIQUE,"
        + " name TEXT DEFAULT 'x')",
    "CREATE TABLE posts (id INTEGER PRIMARY KEY,"
        + " user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, title TEXT)",
    "CREATE INDEX ix_posts_user ON posts (user_id, title)",
    "CREATE VIEW named AS SELECT name FROM users",
    "CREATE TABLE retort_version (version_num VARCHAR(255) NOT NULL PRIMARY KEY)"
  };

  @TempDir Path dir;

  @Test
  void sqliteSchema() throws Exception {
    assertEquals(
        String.join(
            "\n",
            "table posts",
            "  column id: INTEGER",
            "  column user_id: INTEGER NOT NULL",
            "  column title: TEXT",
            "  primary key: (id)",
            "  foreign key (user_id): REFERENCES users (id) ON DELETE CASCADE",
            "  index ix_posts_user: (user_id, title)",
            "table users",
            "  column id: INTEGER",
            "  column email: VARCHAR(320) NOT NULL",
            "  column name: TEXT DEFAULT 'x'",
            "  primary key: (id)",
            "  unique (email)",
            "view named: CREATE VIEW named AS SELECT name FROM users",
            ""),
        snapshot(TestDatabase.SQLITE).toText());
  }

  @Test
  void postgresqlSchema() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    TestDatabase.execute(url, "CREATE SEQUENCE invoice_numbers START 1000");
    TestDatabase.execute(url, SCHEMA);
    assertEquals(
        String.join(
            "\n",
            "sequence invoice_numbers: bigint START 1000 INCREMENT 1",
            "table posts",
            "  column id: integer NOT NULL",
            "  column user_id: integer NOT NULL",
            "  column title: text",
            "  primary key: (id)",
            "  foreign key (user_id): REFERENCES users(id) ON DELETE CASCADE",
            "  index ix_posts_user: USING btree (user_id, title)",
            "table users",
            "  column id: integer NOT NULL",
            "  column email: character varying(320) NOT NULL",
            "  column name: text DEFAULT 'x'::text",
            "  primary key: (id)",
            "  unique (email)",
            "view named: SELECT name FROM users;",
            ""),
        snapshot(url).toText());
  }

  @Test
  void aPostgresqlSchemaReadsAsTheSameWhateverItsName() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    TestDatabase.execute(url, "CREATE SCHEMA other");
    TestDatabase.execute(url + "&currentSchema=other", SCHEMA);
    TestDatabase.execute(url, SCHEMA);
    try (Connection c = DriverManager.getConnection(url)) {
      Snapshot other = Snapshot.of(c, "other");
      assertEquals(Snapshot.of(c).toText(), other.toText());
      assertEquals("public", c.getSchema(), "the connection's search path is restored");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theTextFormReadsBackAsTheSameSnapshot(TestDatabase db) throws Exception {
    Snapshot snapshot = snapshot(db);
    Snapshot read = Snapshot.parse("# a comment\n\n" + snapshot.toText());

    assertEquals(snapshot, read);
    assertEquals(snapshot.hashCode(), read.hashCode());
    assertEquals(snapshot.toText(), read.toText());
    Path file = dir.resolve("schema.txt");
    snapshot.write(file);
    assertEquals(snapshot, Snapshot.read(file));
  }

  @Test
  void theDifferencesNameWhatWasAddedRemovedOrChanged() {
    Snapshot before =
        Snapshot.parse(
            "table items\n  column id: INTEGER\n  column status: TEXT DEFAULT 'open'\n"
                + "table gone\n  column id: INTEGER\n");
    Snapshot after =
        Snapshot.parse(
            "table items\n  column id: INTEGER\n  column status: TEXT DEFAULT 'closed'\n"
                + "  column note: TEXT\n  index ix_items_note: (note)\n");

    assertEquals(
        List.of(
            "table gone: removed",
            "table items, column status: changed: TEXT DEFAULT 'open' -> TEXT DEFAULT 'closed'",
            "table items, column note: added (TEXT)",
            "table items, index ix_items_note: added ((note))"),
        before.diff(after));
    assertNotEquals(before, after);
    assertTrue(after.diff(after).isEmpty());
  }

  @Test
  void columnOrderDoesNotCount() {
    assertEquals(
        Snapshot.parse("table t\n  column a: INTEGER\n  column b: TEXT\n"),
        Snapshot.parse("table t\n  column b: TEXT\n  column a: INTEGER\n"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void retortsOwnTablesAreLeftOut(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    TestDatabase.execute(
        url,
        "CREATE TABLE retort_version (version_num VARCHAR(255) NOT NULL PRIMARY KEY)",
        "CREATE TABLE retort_version_history (id INTEGER PRIMARY KEY, revision TEXT)");
    assertTrue(snapshot(url).isEmpty());
  }

  private Snapshot snapshot(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    TestDatabase.execute(url, SCHEMA);
    return snapshot(url);
  }

  private static Snapshot snapshot(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      return Snapshot.of(c);
    }
  }
}
