package dev.retort.it.reliability;

import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads what a test needs to judge a database, with plain JDBC and no Retort code. */
final class DbState {

  private DbState() {}

  /** How many times each revision's body ran, by revision. */
  static Map<String, Integer> runs(String url) throws SQLException {
    Map<String, Integer> runs = new TreeMap<>();
    for (String revision : TestDatabase.column(url, "SELECT revision FROM runs")) {
      runs.merge(revision, 1, Integer::sum);
    }
    return runs;
  }

  static List<String> versionRows(String url) throws SQLException {
    return TestDatabase.column(url, "SELECT version_num FROM retort_version ORDER BY version_num");
  }

  /** The history, oldest first, as {@code "revision direction success"}. */
  static List<String> history(String url) throws SQLException {
    return TestDatabase.column(
        url,
        "SELECT revision || ' ' || direction || ' ' || CASE WHEN success IS NULL THEN 'null'"
            + " WHEN success THEN 'true' ELSE 'false' END FROM retort_version_history ORDER BY id");
  }

  /** Advisory locks held by any session of the server (PostgreSQL). */
  static int advisoryLocks(String url) throws SQLException {
    return Integer.parseInt(
        TestDatabase.column(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
            .get(0));
  }

  /** Whether the file lock Retort holds for a whole command on SQLite can be taken now. */
  private static boolean commandLockFree(String url) {
    String file = url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
    Path lock = Path.of(file + "-retort-lock");
    if (!Files.exists(lock)) return true;
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
        FileLock taken = channel.tryLock()) {
      return taken != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits up to {@code millis} for the migration lock to be free: on PostgreSQL no advisory lock
   * held by any session, on SQLite the write lock and Retort's command lock file obtainable. A
   * backend whose client was killed ends when it notices the closed socket, so the wait is short
   * but not zero.
   */
  static boolean lockFree(TestDatabase db, String url, long millis)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (true) {
      boolean free;
      if (db == TestDatabase.POSTGRESQL) {
        free = advisoryLocks(url) == 0;
      } else {
        try (Connection c = DriverManager.getConnection(url);
            Statement s = c.createStatement()) {
          s.execute("PRAGMA busy_timeout = 100");
          s.execute("BEGIN IMMEDIATE");
          s.execute("ROLLBACK");
          free = commandLockFree(url);
        } catch (SQLException busy) {
          free = false;
        }
      }
      if (free) return true;
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(20);
    }
  }
}
