package dev.retort.runtime.dialect;

import dev.retort.runtime.SafeText;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL: a session-level advisory lock keyed by the version table's schema and name, and
 * ordinary transactions (its DDL is transactional). A revision's transaction is known by its id, so
 * that a migration that commits it, or turns on auto-commit, is caught and its effect reported
 * truly.
 *
 * <p>A session that takes the lock is named for {@code pg_stat_activity} and, on PostgreSQL 14 and
 * later, checks its client every second while a statement runs ({@code
 * client_connection_check_interval}): a backend whose client was killed would otherwise finish its
 * statement, minutes for a long migration, still holding the lock. Older servers notice only when
 * the statement ends; the lock timeout's message names the holder and how to end it.
 */
final class PostgresDialect implements Dialect {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresDialect.class);

  private static final long POLL_MILLIS = 100;

  private long mark;
  private boolean autoCommitTurnedOn;

  /** How often a backend running a statement checks that its client is still there. */
  private static final String CLIENT_CHECK = "1s";

  /** The longest part of the holder's statement a lock timeout quotes. */
  private static final int QUERY_SHOWN = 200;

  private String previousApplicationName;
  private String previousClientCheck;

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

  @Override
  public void claim(Connection connection, String applicationName) throws SQLException {
    String clientCheck;
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT current_setting('application_name'),"
                    + " current_setting('client_connection_check_interval', true)")) {
      rs.next();
      previousApplicationName = rs.getString(1);
      clientCheck = rs.getString(2); // null before PostgreSQL 14
    }
    set(connection, "application_name", applicationName);
    // A server or role that checks already keeps its own interval.
    if (!"0".equals(clientCheck)) return;
    try {
      set(connection, "client_connection_check_interval", CLIENT_CHECK);
      previousClientCheck = clientCheck;
    } catch (SQLException unsupported) {
      // Only Linux, macOS, illumos and the BSDs support it; elsewhere the server refuses.
      LOG.debug("The server does not check for dead clients: {}", unsupported.getMessage());
    }
  }

  @Override
  public void release(Connection connection) throws SQLException {
    if (previousApplicationName != null) {
      set(connection, "application_name", previousApplicationName);
      previousApplicationName = null;
    }
    if (previousClientCheck != null) {
      set(connection, "client_connection_check_interval", previousClientCheck);
      previousClientCheck = null;
    }
  }

  private static void set(Connection connection, String setting, String value) throws SQLException {
    try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
      set.setString(1, setting);
      set.setString(2, value);
      set.execute();
    }
  }

  /**
   * The session that holds the lock, from {@code pg_locks} and {@code pg_stat_activity}. A
   * session-level advisory lock on a 64-bit key shows as its high half in {@code classid}, its low
   * half in {@code objid} and {@code objsubid} 1.
   */
  @Override
  public Optional<LockHolder> lockHolder(Connection connection, String key) throws SQLException {
    long id = lockId(key);
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT a.pid, a.application_name, a.backend_start, a.state, a.state_change, a.query"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database"
                + " WHERE datname = current_database())"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
      query.setLong(1, id >>> 32);
      query.setLong(2, id & 0xffff_ffffL);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        long pid = rs.getLong(1);
        String state = rs.getString(4);
        return Optional.of(
            new LockHolder(
                "PostgreSQL session pid "
                    + pid
                    + " (application '"
                    + rs.getString(2)
                    + "', connected since "
                    + rs.getString(3)
                    + (state == null ? "" : ", " + state + " since " + rs.getString(5))
                    + ": "
                    + shortened(rs.getString(6))
                    + ")",
                "if its process is gone, end the session with SELECT pg_terminate_backend("
                    + pid
                    + ")"));
      }
    }
  }

  /** A statement as a message quotes it: on one line, URL passwords masked, at most so long. */
  private static String shortened(String query) {
    String line = SafeText.oneLine(SafeText.mask(String.valueOf(query)));
    return line.length() <= QUERY_SHOWN ? line : line.substring(0, QUERY_SHOWN) + "...";
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
   * version row, and sets its {@code lock_timeout} in the same round trip; {@code SET LOCAL}'s
   * setting ends with the transaction.
   */
  @Override
  public void markTransaction(Connection connection, Duration lockTimeout) throws SQLException {
    if (lockTimeout.isZero()) {
      mark = transactionId(connection);
    } else {
      try (PreparedStatement id =
          connection.prepareStatement(
              "SELECT txid_current(), set_config('lock_timeout', ?, true)")) {
        id.setString(1, lockTimeout.toMillis() + "ms");
        try (ResultSet rs = id.executeQuery()) {
          rs.next();
          mark = rs.getLong(1);
        }
      }
    }
    autoCommitTurnedOn = false;
  }

  @Override
  public boolean isLockNotAvailable(Throwable cause) {
    return Causes.anyState(cause, "55P03"::equals);
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

  /** duplicate_table: a table, index, sequence or view of that name exists. */
  @Override
  public boolean alreadyExists(SQLException e) {
    return "42P07".equals(e.getSQLState());
  }

  @Override
  public boolean isMissingTable(SQLException e) {
    return "42P01".equals(e.getSQLState()); // undefined_table
  }

  @Override
  public boolean schemaExists(Connection connection, String schema) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      query.setString(1, schema);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
    }
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
