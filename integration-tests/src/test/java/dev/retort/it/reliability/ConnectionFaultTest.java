package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.it.CapturedLogs;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database unreachable at start-up (retried with the configured backoff, then named without its
 * password), and the connection cut in the middle of a revision (rolled back, completed by the next
 * run).
 */
class ConnectionFaultTest {

  private static final String SECRET = "s3cret-Pa55word";
  private static final Duration BACKOFF = Duration.ofMillis(50);

  @TempDir Path dir;

  /** A localhost port with nothing listening: bound, then released. */
  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String withCauses(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  @Test
  void anUnreachablePostgresqlIsRetriedWithBackoffThenNamedWithoutThePassword() throws Exception {
    int port = closedPort();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/appdb?user=app&password=" + SECRET;
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .url(url)
            .startupRetry(3, BACKOFF)
            .build();
    StringBuilder logs = new StringBuilder();

    long start = System.nanoTime();
    RetortException e =
        CapturedLogs.capturing(
            logs, () -> assertThrows(RetortException.class, retort::upgradeOnStartup));
    long elapsed = System.nanoTime() - start;

    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertEquals(
        "could not connect to jdbc:postgresql://127.0.0.1:"
            + port
            + "/appdb?user=app&password=*** after 4 attempts: Connection to 127.0.0.1:"
            + port
            + " refused. Check that the hostname and port are correct and that the postmaster is"
            + " accepting TCP/IP connections. (Connection refused); check that the database is"
            + " running and reachable",
        e.getMessage());
    assertFalse(withCauses(e).contains(SECRET), "the password is in the exception or its causes");
    assertFalse(logs.toString().contains(SECRET), "the password is in the log");
    for (int retry = 1; retry <= 3; retry++) {
      assertTrue(
          logs.toString()
              .contains("; retrying in " + 0.05 * (1 << (retry - 1)) + " s (" + retry + " of 3)"),
          logs.toString());
    }
    // 50 + 100 + 200 ms of backoff at least; far less than the default 2 + 4 + 8 s.
    long backoffs = BACKOFF.toNanos() * (1 + 2 + 4);
    assertTrue(elapsed >= backoffs, "elapsed " + elapsed / 1_000_000 + " ms");
    assertTrue(elapsed < 20 * backoffs, "elapsed " + elapsed / 1_000_000 + " ms");
  }

  @Test
  void eachRetryWaitsTwiceAsLongAsTheOneBefore() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/appdb";
    List<Long> attempts = new ArrayList<>();
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .dataSource(countingDataSource(url, attempts), "appdb")
            .startupRetry(3, BACKOFF)
            .build();

    RetortException e =
        CapturedLogs.capturing(
            new StringBuilder(),
            () -> assertThrows(RetortException.class, retort::upgradeOnStartup));

    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertEquals(4, attempts.size(), "the first attempt and 3 retries");
    for (int i = 1; i < attempts.size(); i++) {
      long gap = attempts.get(i) - attempts.get(i - 1);
      long backoff = BACKOFF.toNanos() << (i - 1);
      assertTrue(gap >= backoff, "gap " + i + ": " + gap / 1_000_000 + " ms < backoff");
    }
  }

  @Test
  void aMigrationFailureIsNeverRetried() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir);
    List<Long> attempts = new ArrayList<>();
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir, List.of(table("a").withUpgrade("ctx.execute(\"NOT SQL\");"))))
            .dataSource(countingDataSource(url, attempts), "test.db")
            .startupRetry(3, BACKOFF)
            .build();

    RetortException e = assertThrows(RetortException.class, retort::upgradeOnStartup);

    assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
    assertEquals(1, attempts.size(), "connected once");
    assertEquals(List.of("a up false"), DbState.history(url), "ran once");
  }

  @Test
  void anUnreachableSqliteFileIsRetriedThenNamed() throws Exception {
    Path missing = dir.resolve("no-such-dir").resolve("app.db");
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .url("jdbc:sqlite:" + missing)
            .startupRetry(1, BACKOFF)
            .build();

    RetortException e =
        CapturedLogs.capturing(
            new StringBuilder(),
            () -> assertThrows(RetortException.class, retort::upgradeOnStartup));

    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertTrue(
        e.getMessage()
            .startsWith("could not connect to jdbc:sqlite:" + missing + " after 2 attempts: "),
        e.getMessage());
  }

  /** No driver takes the URL: waiting will not add one, so start-up says so at once. */
  @Test
  void aUrlNoDriverTakesIsNotRetried() {
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .url("jdbc:mysql://db/app?user=app&password=" + SECRET)
            .startupRetry(3, Duration.ofSeconds(3))
            .build();

    long start = System.nanoTime();
    RetortException e = assertThrows(RetortException.class, retort::upgradeOnStartup);

    assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "retried");
    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertEquals(
        "could not connect to jdbc:mysql://db/app?user=app&password=***: No suitable driver found"
            + " for jdbc:mysql://db/app?user=app&password=***; no JDBC driver on the class path"
            + " takes this URL, which waiting will not change, so this was not retried: add the"
            + " database's JDBC driver (Retort supports PostgreSQL and SQLite)",
        e.getMessage());
  }

  private static DataSource countingDataSource(String url, List<Long> attempts) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        attempts.add(System.nanoTime());
        return DriverManager.getConnection(url);
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public java.util.logging.Logger getParentLogger() {
        return java.util.logging.Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> type) {
        return false;
      }
    };
  }

  /**
   * The backend of the migrating session is terminated from another connection while revision b
   * sleeps in the database: b is rolled back with everything it did, the lock goes with the
   * session, and the next run applies b and what follows.
   */
  @Test
  void aConnectionCutDuringARevisionRollsItBackAndTheNextRunCompletesIt() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    TestDatabase.execute(
        url, "CREATE TABLE control (slow BOOLEAN NOT NULL)", "INSERT INTO control VALUES (true)");
    String sleep = "SELECT pg_sleep(CASE WHEN (SELECT slow FROM control) THEN 30 ELSE 0 END)";
    MigrationRegistry registry =
        RegistryCompiler.compile(
            dir,
            List.of(
                table("a"),
                table("b", "a")
                    .withUpgrade(
                        "ctx.execute(\"CREATE TABLE t_b (id INTEGER PRIMARY KEY)\");"
                            + " ctx.execute(\"INSERT INTO t_b (id) VALUES (1)\");"
                            + " ctx.execute(\""
                            + sleep
                            + "\");"),
                table("c", "b")));
    Retort retort = Retort.builder(registry).url(url).build();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> upgrade = executor.submit(retort::upgradeOnStartup);
      int terminated = 0;
      for (int i = 0; i < 500 && terminated == 0; i++) {
        List<String> done =
            TestDatabase.column(
                url,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname ="
                    + " current_database() AND state = 'active' AND query LIKE 'SELECT"
                    + " pg_sleep(%'");
        terminated = done.size();
        if (terminated == 0) Thread.sleep(20);
      }
      assertEquals(1, terminated, "the sleeping backend was found and terminated");
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> upgrade.get(60, TimeUnit.SECONDS));
      RetortException e = assertInstanceOf(RetortException.class, failed.getCause());
      assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
      assertEquals(
          "upgrade of revision 'b' (it.generated.Revision1) failed and was rolled back; the"
              + " database is still at a. Failing SQL: "
              + sleep
              + ". Cause: org.postgresql.util.PSQLException: FATAL: terminating connection due to"
              + " administrator command. The connection to the database was lost; run the command"
              + " again when it is back",
          e.getMessage());
    } finally {
      executor.shutdownNow();
    }

    assertEquals(List.of("a"), DbState.versionRows(url));
    assertFalse(TestDatabase.tableExists(url, "t_b"), "b's statements were rolled back");
    assertEquals(0, DbState.advisoryLocks(url), "the lock ended with the session");

    TestDatabase.execute(url, "UPDATE control SET slow = false");
    assertEquals(List.of("b", "c"), retort.upgradeOnStartup().revisions());
    assertEquals(List.of("c"), DbState.versionRows(url));
    assertEquals(List.of("1"), TestDatabase.column(url, "SELECT id FROM t_b"));
    assertEquals(List.of("a up true", "b up true", "c up true"), DbState.history(url));
  }
}
