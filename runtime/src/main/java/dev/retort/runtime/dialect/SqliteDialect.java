package dev.retort.runtime.dialect;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * SQLite: every step runs in a {@code BEGIN IMMEDIATE} transaction, which takes the database's
 * write lock at once (waiting up to the busy timeout), and changes the version rows only where they
 * are as planned.
 *
 * <p>That alone cannot protect a non-transactional revision, whose body runs outside any
 * transaction: another process would find the version rows unchanged and run it a second time. So a
 * command also holds a {@link SqliteLockFile}, the counterpart of PostgreSQL's session lock.
 *
 * <p>On a connection that enforces foreign keys, each transaction follows SQLite's procedure for
 * schema changes ({@link SqliteForeignKeys}). A non-transactional revision runs with the
 * connection's own setting, which it can change itself there.
 */
final class SqliteDialect implements Dialect {

  private final SqliteForeignKeys foreignKeys = new SqliteForeignKeys();
  private SqliteLockFile lockFile;

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean lock(Connection connection, String key, Duration timeout) throws SQLException {
    execute(connection, "PRAGMA busy_timeout = " + timeout.toMillis());
    Path database = mainFile(connection);
    if (database == null) return true; // in memory: no other process can see it
    SqliteLockFile file = new SqliteLockFile(database);
    try {
      if (!file.lock(timeout)) return false;
    } catch (IOException e) {
      throw new SQLException("could not lock " + file.file() + ": " + e.getMessage(), e);
    }
    lockFile = file;
    return true;
  }

  @Override
  public void unlock(Connection connection, String key) throws SQLException {
    if (lockFile == null) return;
    try {
      lockFile.unlock();
    } catch (IOException e) {
      throw new SQLException("could not unlock " + lockFile.file() + ": " + e.getMessage(), e);
    } finally {
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
    foreignKeys.suspend(connection);
    try {
      execute(connection, "BEGIN IMMEDIATE");
    } catch (SQLException e) {
      restoreForeignKeys(connection, e);
      throw e;
    }
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    execute(connection, "COMMIT");
    foreignKeys.restore(connection);
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      try {
        execute(connection, "ROLLBACK");
      } catch (SQLException noTransaction) {
        // SQLite may already have rolled back on its own (for example after SQLITE_FULL).
      }
    } finally {
      foreignKeys.restore(connection);
    }
  }

  @Override
  public void checkConstraints(Connection connection) throws SQLException {
    foreignKeys.check(connection);
  }

  private void restoreForeignKeys(Connection connection, SQLException failure) {
    try {
      foreignKeys.restore(connection);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public boolean isReadOnly(SQLException e) {
    return (e.getErrorCode() & 0xff) == 8; // SQLITE_READONLY and its extended codes
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
