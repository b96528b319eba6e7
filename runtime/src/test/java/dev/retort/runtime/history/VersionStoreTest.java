package dev.retort.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.engine.Catalog;
import dev.retort.runtime.plan.Step;
import dev.retort.runtime.testdb.Fixtures;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The version and history tables, on a real SQLite file and a real PostgreSQL database. */
class VersionStoreTest {

  @TempDir Path dir;

  private final Catalog catalog = Fixtures.catalog();

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theTablesAreCreatedWhenMissingAndOnlyThen(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      VersionStore store = store(c);

      assertFalse(store.historyExists(c));
      store.create(c);
      assertTrue(store.historyExists(c));
      store.create(c);
      assertEquals(List.of(), store.rows(c).ids());
      assertEquals(List.of(), store.entries(c));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theRowsChangeByTheirDifference(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      VersionStore store = created(c);

      store.replaceRows(c, List.of(), List.of("b2", "f6"));
      assertEquals(List.of("b2", "f6"), store.rows(c).ids());
      store.replaceRows(c, List.of("b2", "f6"), List.of("c3", "d4", "f6"));
      assertEquals(List.of("c3", "d4", "f6"), store.rows(c).ids());
      store.clearRows(c);
      assertEquals(List.of(), store.rows(c).ids());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void rowsAreReadWithoutPaddingAndANullRowIsCountedNotReturned(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      execute(
          c,
          "CREATE TABLE retort_version (version_num CHAR(32))",
          "INSERT INTO retort_version (version_num) VALUES ('f6')",
          "INSERT INTO retort_version (version_num) VALUES ('b2        ')",
          "INSERT INTO retort_version (version_num) VALUES (NULL)");

      StoredRows stored = store(c).rows(c);

      assertEquals(new StoredRows("\"retort_version\"", List.of("b2", "f6"), 1), stored);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingTableIsAnErrorToReadButNotToAskAbout(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      VersionStore store = store(c);

      SQLException e = assertThrows(SQLException.class, () -> store.rows(c));
      assertTrue(Dialects.of(c).isMissingTable(e), e.getMessage());
      assertFalse(store.historyExists(c));
    }
  }

  @Test
  void theRowChangesAreAlembicsStatements() throws Exception {
    VersionStore store = new VersionStore(Dialects.named("sqlite"), "versions", Optional.empty());

    assertEquals(
        List.of(
            "UPDATE \"versions\" SET version_num = 'c3' WHERE version_num = 'b2'",
            "INSERT INTO \"versions\" (version_num) VALUES ('d4')"),
        store.rowChanges(List.of("b2", "f6"), List.of("c3", "d4", "f6")));
    assertEquals(
        List.of("DELETE FROM \"versions\" WHERE version_num = 'it''s'"),
        store.rowChanges(List.of("it's"), List.of()));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void rowsChangedBehindTheLockFailTheStep(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      VersionStore store = created(c);
      store.replaceRows(c, List.of(), List.of("c3"));

      SQLException e =
          assertThrows(
              SQLException.class, () -> store.replaceRows(c, List.of("b2"), List.of("c3")));

      assertTrue(e.getMessage().contains("no longer holds rows b2"), e.getMessage());
      assertEquals(List.of("c3"), store.rows(c).ids());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void historyEntriesRoundTripTypedAndAreStoredAsBefore(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      VersionStore store = created(c);
      Step upA1 = catalog.planner().upgrade(List.of(), List.of("a1")).get(0);
      Step upI9 = catalog.planner().upgrade(List.of("e5"), List.of("i9")).get(0);
      Step downA1 = catalog.planner().downgrade(List.of("a1"), List.of("a1")).get(0);
      List<HistoryEntry> recorded = new ArrayList<>();

      recorded.add(HistoryEntry.finished(upA1, Outcome.SUCCEEDED, 12, "tester", null));
      assertEquals(-1, store.record(c, recorded.get(0)));
      HistoryEntry started = HistoryEntry.started(upI9, "tester");
      long running = store.record(c, started);
      store.finish(c, running, Outcome.FAILED, 30, "boom");
      recorded.add(
          new HistoryEntry(
              "i9",
              Action.UP,
              upI9.revision().checksum(),
              false,
              Outcome.FAILED,
              30,
              "tester",
              "boom",
              null));
      recorded.add(HistoryEntry.finished(downA1, Outcome.FAILED, 5, "tester", "no"));
      store.record(c, recorded.get(2));
      recorded.add(HistoryEntry.stamp("e5", "sum", "tester"));
      store.record(c, recorded.get(3));
      recorded.add(HistoryEntry.started(upI9, "tester"));
      assertTrue(store.record(c, recorded.get(4)) > running);

      List<HistoryEntry> read = store.entries(c);
      read.forEach(e -> assertNotNull(e.startedAt()));
      assertEquals(recorded, read.stream().map(VersionStoreTest::withoutTime).toList());
      assertEquals(
          List.of("a1 up true", "i9 up false", "a1 down false", "e5 stamp true", "i9 up null"),
          stored(c));
      // The stamp of e5 does not resolve i9.
      assertEquals(List.of(read.get(1), read.get(4)), store.history(c).incomplete());
    }
  }

  private static void execute(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String statement : sql) s.execute(statement);
    }
  }

  private VersionStore store(Connection c) throws SQLException {
    return new VersionStore(Dialects.of(c), "retort_version", Optional.empty());
  }

  private VersionStore created(Connection c) throws SQLException {
    VersionStore store = store(c);
    store.create(c);
    return store;
  }

  private static HistoryEntry withoutTime(HistoryEntry e) {
    return new HistoryEntry(
        e.revision(),
        e.action(),
        e.checksum(),
        e.transactional(),
        e.outcome(),
        e.durationMillis(),
        e.appliedBy(),
        e.error(),
        null);
  }

  /** The history table's rows as stored: revision, direction and success (null while running). */
  private static List<String> stored(Connection c) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT revision, direction, success FROM retort_version_history ORDER BY id")) {
      while (rs.next()) {
        String step = rs.getString(1) + " " + rs.getString(2);
        boolean success = rs.getBoolean(3);
        rows.add(step + " " + (rs.wasNull() ? null : success));
      }
    }
    return rows;
  }
}
