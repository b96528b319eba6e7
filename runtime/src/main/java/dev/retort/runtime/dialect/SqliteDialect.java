package dev.retort.runtime.dialect;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

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

  /** The savepoint that marks a revision's transaction; gone once anyone ends that transaction. */
  private static final String MARK = "retort_revision";

  /**
   * SQLite's primary result codes after which it may roll a transaction back by itself (FULL,
   * IOERR, BUSY, NOMEM, INTERRUPT): see "Response To Errors Within A Transaction" in its manual.
   */
  private static final Set<Integer> ROLLS_BACK_ITSELF = Set.of(13, 10, 5, 7, 9);

  private final SqliteForeignKeys foreignKeys = new SqliteForeignKeys();
  private SqliteLockFile lockFile;
  private boolean marked;
  private boolean endedByMigration;

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

  /** No lock to limit: the transaction took SQLite's write lock when it began. */
  @Override
  public void markTransaction(Connection connection, Duration lockTimeout) throws SQLException {
    execute(connection, "SAVEPOINT " + MARK);
    marked = true;
    endedByMigration = false;
  }

  @Override
  public Optional<String> transactionMisuse(Connection connection, Throwable failure)
      throws SQLException {
    if (!marked) return Optional.empty();
    marked = false;
    // Releasing a savepoint nested in BEGIN IMMEDIATE keeps the transaction open; it fails when
    // the savepoint went with a COMMIT or ROLLBACK.
    try {
      execute(connection, "RELEASE " + MARK);
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no such savepoint")) throw e;
      if (!rolledBackByItself(failure)) {
        endedByMigration = true;
        return Optional.of(
            "ended the transaction Retort runs it in (with COMMIT, END or ROLLBACK, or through the"
                + " connection)");
      }
    }
    if (!connection.getAutoCommit()) {
      return Optional.of("turned off auto-commit on the connection Retort runs it in");
    }
    return Optional.empty();
  }

  /** SQLite cannot tell a transaction that a migration committed from one it rolled back. */
  @Override
  public Optional<Boolean> migrationCommitted(Connection connection) {
    return endedByMigration ? Optional.empty() : Optional.of(false);
  }

  @Override
  public void checkConstraints(Connection connection) throws SQLException {
    foreignKeys.check(connection);
  }

  /** Whether {@code failure} is one after which SQLite may have rolled back on its own. */
  private static boolean rolledBackByItself(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException e && ROLLS_BACK_ITSELF.contains(e.getErrorCode() & 0xff)) {
        return true;
      }
    }
    return false;
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

  /** SQLite has no SQLSTATE for it: "table users already exists", "index ... already exists". */
  @Override
  public boolean alreadyExists(SQLException e) {
    return e.getMessage() != null && e.getMessage().contains("already exists");
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
