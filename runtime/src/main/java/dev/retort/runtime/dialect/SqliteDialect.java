package dev.retort.runtime.dialect;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQLite: every step runs in a {@code BEGIN IMMEDIATE} transaction, which takes the database's
 * write lock at once (waiting up to the busy timeout), and changes the version rows only where they
 * are as planned.
 *
 * <p>That alone cannot protect a non-transactional revision, whose body runs outside any
 * transaction: another process would find the version rows unchanged and run it a second time. So a
 * command also holds an operating-system lock on a file beside the database ({@code
 * <database>-retort-lock}), the counterpart of PostgreSQL's session lock: the kernel releases it
 * when the process dies, so a crash cannot leave it behind. The file itself is empty and harmless.
 */
final class SqliteDialect implements Dialect {

  private static final long POLL_MILLIS = 50;

  /** Lock files held by this JVM: the kernel's lock is per process, so threads need their own. */
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private long busyTimeoutMillis = 30_000;
  private Path lockFile;
  private FileChannel lockChannel;

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean lock(Connection connection, String key, Duration timeout) throws SQLException {
    busyTimeoutMillis = timeout.toMillis();
    execute(connection, "PRAGMA busy_timeout = " + busyTimeoutMillis);
    Path database = mainFile(connection);
    if (database == null) return true; // in memory: no other process can see it
    Path file = database.resolveSibling(database.getFileName() + "-retort-lock");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (HELD_IN_THIS_JVM.add(file)) {
        try {
          FileChannel channel;
          try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          } catch (IOException cannotCreate) {
            // A directory where no file can be created holds no journal either, so nothing can
            // write there; SQLite's own error will say so better than this lock could.
            HELD_IN_THIS_JVM.remove(file);
            return true;
          }
          FileLock taken = null;
          try {
            taken = channel.tryLock();
          } catch (OverlappingFileLockException sameFileOtherPath) {
            // This JVM holds it through another path to the same file: busy, like any holder.
          } finally {
            if (taken == null) channel.close();
          }
          if (taken != null) {
            lockFile = file;
            lockChannel = channel;
            return true;
          }
        } catch (IOException e) {
          HELD_IN_THIS_JVM.remove(file);
          throw new SQLException("could not lock " + file + ": " + e.getMessage(), e);
        }
        HELD_IN_THIS_JVM.remove(file);
      }
      if (!Polling.again(deadline, POLL_MILLIS)) return false;
    }
  }

  @Override
  public void unlock(Connection connection, String key) throws SQLException {
    if (lockChannel == null) return;
    try {
      lockChannel.close(); // releases the lock
    } catch (IOException e) {
      throw new SQLException("could not unlock " + lockFile + ": " + e.getMessage(), e);
    } finally {
      HELD_IN_THIS_JVM.remove(lockFile);
      lockChannel = null;
      lockFile = null;
    }
  }

  /** The file of the main database, or {@code null} for an in-memory or temporary one. */
  private static Path mainFile(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA database_list")) {
      while (rs.next()) {
        if ("main".equals(rs.getString("name"))) {
          String file = rs.getString("file");
          return file == null || file.isEmpty() ? null : Path.of(file).toAbsolutePath();
        }
      }
    }
    return null;
  }

  @Override
  public void begin(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    execute(connection, "BEGIN IMMEDIATE");
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    execute(connection, "COMMIT");
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
    try {
      execute(connection, "ROLLBACK");
    } catch (SQLException noTransaction) {
      // SQLite may already have rolled back on its own (for example after SQLITE_FULL).
    }
  }

  @Override
  public boolean isReadOnly(SQLException e) {
    return (e.getErrorCode() & 0xff) == 8; // SQLITE_READONLY and its extended codes
  }

  /** SQLite has no SQLSTATE for it; its message is the only sign. */
  @Override
  public boolean isMissingTable(SQLException e) {
    return e.getMessage() != null && e.getMessage().contains("no such table");
  }

  /** A schema is an attached database: {@code main}, {@code temp} or one attached by name. */
  @Override
  public boolean schemaExists(Connection connection, String schema) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA database_list")) {
      while (rs.next()) {
        if (schema.equalsIgnoreCase(rs.getString("name"))) return true;
      }
    }
    return false;
  }

  @Override
  public String identityColumn() {
    return "INTEGER PRIMARY KEY AUTOINCREMENT";
  }

  @Override
  public String timestampColumn() {
    return "TEXT";
  }

  @Override
  public String now() {
    return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
