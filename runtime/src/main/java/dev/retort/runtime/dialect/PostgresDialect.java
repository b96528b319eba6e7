package dev.retort.runtime.dialect;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL: a session-level advisory lock keyed by the version table's name, and ordinary
 * transactions (its DDL is transactional). A revision's transaction is known by its id, so that a
 * migration that commits it, or turns on auto-commit, is caught and its effect reported truly.
 */
final class PostgresDialect implements Dialect {

  private static final long POLL_MILLIS = 100;

  private long mark;
  private boolean autoCommitTurnedOn;

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public boolean lock(Connection connection, String key, Duration timeout) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (PreparedStatement try_ = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      try_.setLong(1, lockId(key));
      while (true) {
        try (ResultSet rs = try_.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) return true;
        }
        if (!Polling.again(deadline, POLL_MILLIS)) return false;
      }
    }
  }

  @Override
  public void unlock(Connection connection, String key) throws SQLException {
    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, lockId(key));
      unlock.execute();
    }
  }

  /** A stable 64-bit key from the lock name (FNV-1a), the same in every process. */
  static long lockId(String key) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  @Override
  public void begin(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    connection.rollback();
    connection.setAutoCommit(true);
  }

  /**
   * Marks the transaction by its id, which a revision's transaction has anyway since it writes the
   * version row.
   */
  @Override
  public void markTransaction(Connection connection) throws SQLException {
    mark = transactionId(connection);
    autoCommitTurnedOn = false;
  }

  @Override
  public Optional<String> transactionMisuse(Connection connection, Throwable failure)
      throws SQLException {
    if (connection.getAutoCommit()) {
      autoCommitTurnedOn = true;
      return Optional.of(
          "turned on auto-commit, which committed the transaction Retort runs it in");
    }
    try {
      if (transactionId(connection) == mark) return Optional.empty();
    } catch (SQLException abortedTransaction) {
      // After a failure, which transaction failed can only be told once it is rolled back.
      if (failure != null) return Optional.empty();
      throw abortedTransaction;
    }
    return Optional.of("ended the transaction Retort runs it in (a commit or a rollback)");
  }

  /** Whether the marked transaction committed, as the server remembers it. */
  @Override
  public Optional<Boolean> migrationCommitted(Connection connection) throws SQLException {
    if (autoCommitTurnedOn) return Optional.of(true);
    try (PreparedStatement status = connection.prepareStatement("SELECT txid_status(?)")) {
      status.setLong(1, mark);
      try (ResultSet rs = status.executeQuery()) {
        String state = rs.next() ? rs.getString(1) : null;
        if ("committed".equals(state)) return Optional.of(true);
        if ("aborted".equals(state)) return Optional.of(false);
        return Optional.empty();
      }
    }
  }

  private static long transactionId(Connection connection) throws SQLException {
    try (PreparedStatement id = connection.prepareStatement("SELECT txid_current()");
        ResultSet rs = id.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public boolean isReadOnly(SQLException e) {
    return "25006".equals(e.getSQLState()); // read_only_sql_transaction
  }

  /** Also 57P01-57P03: the server shut down or ended the session (pg_terminate_backend). */
  @Override
  public boolean endsSession(SQLException e) {
    return Dialect.super.endsSession(e) || e.getSQLState().startsWith("57P");
  }

  @Override
  public String identityColumn() {
    return "BIGSERIAL PRIMARY KEY";
  }

  @Override
  public String timestampColumn() {
    return "TIMESTAMP WITH TIME ZONE";
  }

  @Override
  public String now() {
    return "CURRENT_TIMESTAMP";
  }
}
