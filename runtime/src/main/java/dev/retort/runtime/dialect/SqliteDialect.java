package dev.retort.runtime.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * SQLite: no session lock exists, so every step runs in a {@code BEGIN IMMEDIATE} transaction,
 * which takes the database's write lock at once (waiting up to the busy timeout), and re-reads the
 * version rows inside it. Two processes can therefore never apply the same revision.
 */
final class SqliteDialect implements Dialect {

  private long busyTimeoutMillis = 30_000;

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean lock(Connection connection, String key, Duration timeout) throws SQLException {
    busyTimeoutMillis = timeout.toMillis();
    execute(connection, "PRAGMA busy_timeout = " + busyTimeoutMillis);
    return true;
  }

  @Override
  public void unlock(Connection connection, String key) {}

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
