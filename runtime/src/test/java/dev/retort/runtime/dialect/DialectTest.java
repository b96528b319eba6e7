package dev.retort.runtime.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dialects: how they are chosen, how they lock and transact, how they classify errors. */
class DialectTest {

  @TempDir Path dir;

  private final Dialect postgresql = Dialects.named("postgresql");
  private final Dialect sqlite = Dialects.named("SQLite");

  @Test
  void aJdbcUrlNamesItsDialectWithoutAskingADriver() {
    assertEquals(
        Optional.of("postgresql"), Dialects.forUrl("jdbc:postgresql://h/db").map(Dialect::name));
    assertEquals(Optional.of("sqlite"), Dialects.forUrl("jdbc:sqlite:x.db").map(Dialect::name));
    assertEquals(Optional.empty(), Dialects.forUrl("jdbc:mysql://h/db"));
  }

  @Test
  void anotherDatabaseIsRefused() {
    RetortException e = assertThrows(RetortException.class, () -> Dialects.named("Oracle"));

    assertEquals(ErrorCode.UNSUPPORTED_DATABASE, e.code());
    assertEquals("Retort supports PostgreSQL and SQLite, not Oracle", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theConnectionTellsItsDialect(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      String expected = db == TestDatabase.SQLITE ? "sqlite" : "postgresql";
      assertEquals(expected, Dialects.of(c).name());
      assertEquals(expected, Dialects.of(c, "(DataSource)").name());
    }
  }

  @Test
  void aLostConnectionIsTheDialectsToRecognize() {
    SQLException lost = new SQLException("connection reset", "08006");
    SQLException terminated = new SQLException("terminating connection", "57P01");
    SQLException syntax = new SQLException("syntax error", "42601");

    assertTrue(postgresql.isConnectionLost(lost));
    assertTrue(sqlite.isConnectionLost(lost));
    assertTrue(postgresql.isConnectionLost(new IllegalStateException("wrapped", terminated)));
    assertFalse(sqlite.isConnectionLost(terminated));
    assertFalse(postgresql.isConnectionLost(syntax));
    assertFalse(postgresql.isConnectionLost(new SQLException("no state")));
  }

  @Test
  void aReadOnlyDatabaseIsTheDialectsToRecognize() {
    assertTrue(postgresql.isReadOnly(new SQLException("read-only transaction", "25006")));
    assertFalse(postgresql.isReadOnly(new SQLException("syntax error", "42601")));
    // SQLITE_READONLY and an extended code of it (SQLITE_READONLY_DBMOVED)
    assertTrue(sqlite.isReadOnly(new SQLException("readonly", null, 8)));
    assertTrue(sqlite.isReadOnly(new SQLException("readonly", null, 1032)));
    assertFalse(sqlite.isReadOnly(new SQLException("busy", null, 5)));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theLockExcludesASecondSessionUntilReleased(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    try (Connection one = DriverManager.getConnection(url);
        Connection two = DriverManager.getConnection(url)) {
      Dialect first = Dialects.of(one);
      Dialect second = Dialects.of(two);

      assertTrue(first.lock(one, "retort:test", Duration.ofSeconds(5)));
      assertFalse(second.lock(two, "retort:test", Duration.ofMillis(300)));
      first.unlock(one, "retort:test");
      assertTrue(second.lock(two, "retort:test", Duration.ofSeconds(5)));
      second.unlock(two, "retort:test");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void onlyATableThatDoesNotExistIsMissing(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      Dialect dialect = Dialects.of(c);
      execute(c, "CREATE TABLE present (id INTEGER)");

      assertTrue(dialect.isMissingTable(failure(c, "SELECT id FROM absent")));
      assertFalse(dialect.isMissingTable(failure(c, "SELECT nothing FROM present")));
      assertFalse(dialect.isMissingTable(failure(c, "SELEKT 1")));
      assertFalse(dialect.isMissingTable(new SQLException("no state, no message")));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSchemaExistsOrNot(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      Dialect dialect = Dialects.of(c);

      assertTrue(dialect.schemaExists(c, db == TestDatabase.SQLITE ? "main" : "public"));
      assertFalse(dialect.schemaExists(c, "pubic"));
    }
  }

  @Test
  void aClaimedPostgresqlSessionIsNamedChecksItsClientAndIsGivenBackAsItCame() throws Exception {
    try (Connection c = TestDatabase.POSTGRESQL.fresh(dir)) {
      Dialect dialect = Dialects.of(c);
      execute(c, "SET application_name = 'the pool'");

      // PostgreSQL 13 and older (RETORT_TEST_PG_URL may name one) have no such check.
      String check = "current_setting('client_connection_check_interval', true)";
      boolean checks = setting(c, check) != null;

      dialect.claim(c, "retort upgrade");
      assertEquals("retort upgrade", setting(c, "application_name"));
      if (checks) assertEquals("1s", setting(c, check));
      dialect.release(c);

      assertEquals("the pool", setting(c, "application_name"));
      if (checks) assertEquals("0", setting(c, check));
    }
  }

  @Test
  void thePostgresqlLockHolderIsNamedWithHowToEndIt() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    try (Connection holder = DriverManager.getConnection(url);
        Connection waiter = DriverManager.getConnection(url)) {
      String pid = setting(holder, "pg_backend_pid()");
      Dialect holding = Dialects.of(holder);
      holding.claim(holder, "retort stamp");
      assertTrue(holding.lock(holder, "retort:public.v", Duration.ofSeconds(5)));

      LockHolder named = postgresql.lockHolder(waiter, "retort:public.v").orElseThrow();

      assertTrue(
          named
              .description()
              .matches(
                  "PostgreSQL session pid "
                      + pid
                      + " \\(application 'retort stamp', connected since [^,]+, idle since .+:"
                      + " SELECT pg_try_advisory_lock\\(\\$1\\)\\)"),
          named.description());
      assertEquals(
          "if its process is gone, end the session with SELECT pg_terminate_backend(" + pid + ")",
          named.remedy());
      assertEquals(Optional.empty(), postgresql.lockHolder(waiter, "retort:public.other"));
    }
  }

  private static SQLException failure(Connection c, String sql) {
    return assertThrows(SQLException.class, () -> execute(c, sql));
  }

  /** A setting's value, or the value of an expression given with its parentheses. */
  private static String setting(Connection c, String name) throws SQLException {
    String expression = name.endsWith(")") ? name : "current_setting('" + name + "')";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + expression)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void ddlIsTransactional(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      Dialect dialect = Dialects.of(c);

      dialect.begin(c);
      execute(c, "CREATE TABLE rolled_back (id INTEGER)");
      dialect.rollback(c);
      dialect.begin(c);
      execute(c, "CREATE TABLE committed (id INTEGER)");
      dialect.commit(c);

      assertFalse(tableExists(c, "rolled_back"));
      assertTrue(tableExists(c, "committed"));
      assertTrue(c.getAutoCommit(), "a dialect leaves the connection as it found it");
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static boolean tableExists(Connection c, String name) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
      return rs.next();
    }
  }
}
