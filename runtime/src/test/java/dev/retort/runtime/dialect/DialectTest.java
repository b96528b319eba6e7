package dev.retort.runtime.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
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

  @Test
  void aLockFileThatCannotBeOpenedForWritingIsRefusedNotSkipped() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir);
    try (Connection c = DriverManager.getConnection(url)) {
      Path database = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
      Path lockFile = database.resolveSibling(database.getFileName() + "-retort-lock");
      // A directory where the file should be: no user, root included, can open it for writing.
      Files.createDirectory(lockFile);

      RetortException e =
          assertThrows(
              RetortException.class, () -> sqlite.lock(c, "retort:test", Duration.ofSeconds(5)));

      assertEquals(ErrorCode.DATABASE_ERROR, e.code());
      assertEquals(
          "cannot open the lock file "
              + lockFile
              + " for writing (Is a directory), and Retort will not migrate without it: the lock"
              + " keeps two processes from running the same revision at once. Make the file"
              + " writable for this user (or, if it does not exist, let this user create files in"
              + " its folder), or delete it while no Retort command runs: it is empty",
          e.getMessage());
      Files.delete(lockFile);
      assertTrue(sqlite.lock(c, "retort:test", Duration.ofSeconds(5)), "the same lock, once free");
      sqlite.unlock(c, "retort:test");
    }
  }

  @Test
  void foreignKeysAreOffInsideEachTransactionAndCheckedBeforeItCommits() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir) + "&foreign_keys=true";
    try (Connection c = DriverManager.getConnection(url)) {
      execute(c, "CREATE TABLE parent (id INTEGER PRIMARY KEY)");
      execute(c, "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id REFERENCES parent (id))");
      execute(c, "INSERT INTO parent (id) VALUES (1)");
      execute(c, "INSERT INTO child (id, parent_id) VALUES (1, 1), (2, 1)");

      sqlite.begin(c);
      assertEquals("0", pragma(c, "foreign_keys"), "off inside the transaction");
      execute(c, "DELETE FROM parent");
      SQLException violated = assertThrows(SQLException.class, () -> sqlite.checkConstraints(c));
      assertEquals(
          "foreign key check failed (this connection enforces foreign keys, so Retort checks them"
              + " before it commits): 2 rows of table child refer to no row of parent",
          violated.getMessage());
      sqlite.rollback(c);
      assertEquals("1", pragma(c, "foreign_keys"), "restored after a rollback");

      sqlite.begin(c);
      sqlite.checkConstraints(c);
      sqlite.commit(c);
      assertEquals("1", pragma(c, "foreign_keys"), "restored after a commit");
    }
    try (Connection off = DriverManager.getConnection(TestDatabase.SQLITE.freshUrl(dir))) {
      sqlite.begin(off);
      sqlite.commit(off);
      assertEquals("0", pragma(off, "foreign_keys"), "a connection without them keeps it so");
    }
  }

  @Test
  void theLockTimeoutOfARevisionEndsWithItsTransaction() throws Exception {
    try (Connection c = TestDatabase.POSTGRESQL.fresh(dir)) {
      Dialect dialect = Dialects.of(c);
      execute(c, "SET lock_timeout = '7s'"); // the session's own, as a role's setting would be

      dialect.begin(c);
      dialect.markTransaction(c, Duration.ofMillis(250));
      assertEquals("250ms", setting(c, "lock_timeout"));
      dialect.rollback(c);
      assertEquals("7s", setting(c, "lock_timeout"));

      dialect.begin(c);
      dialect.markTransaction(c, Duration.ZERO);
      assertEquals("7s", setting(c, "lock_timeout"));
      dialect.rollback(c);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aTransactionEndedBehindTheDialectsBackIsTold(TestDatabase db) throws Exception {
    try (Connection c = db.fresh(dir)) {
      Dialect dialect = Dialects.of(c);
      execute(c, "CREATE TABLE t (id INTEGER)");

      dialect.begin(c);
      dialect.markTransaction(c, Duration.ZERO);
      execute(c, "INSERT INTO t (id) VALUES (1)");
      assertEquals(Optional.empty(), dialect.transactionMisuse(c, null));
      dialect.rollback(c);
      assertEquals(Optional.of(false), dialect.migrationCommitted(c));

      dialect.begin(c);
      dialect.markTransaction(c, Duration.ZERO);
      execute(c, "INSERT INTO t (id) VALUES (2)");
      execute(c, "COMMIT");
      execute(c, "INSERT INTO t (id) VALUES (3)");
      assertTrue(dialect.transactionMisuse(c, null).isPresent());
      dialect.rollback(c);
      // PostgreSQL knows the transaction committed; SQLite cannot tell a COMMIT from a ROLLBACK.
      assertEquals(
          db == TestDatabase.POSTGRESQL ? Optional.of(true) : Optional.empty(),
          dialect.migrationCommitted(c));
      assertTrue(c.getAutoCommit());
    }
  }

  private static String pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
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
