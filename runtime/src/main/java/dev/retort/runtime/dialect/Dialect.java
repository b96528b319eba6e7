package dev.retort.runtime.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * What differs between databases: transactions, locking, identifier quoting and the DDL of the
 * version store. One small class per database.
 */
public interface Dialect {

  /** {@code postgresql} or {@code sqlite}, as {@code MigrationContext.dialect()} reports it. */
  String name();

  /**
   * Takes the migration lock, waiting at most {@code timeout}; held until {@link #unlock}. The lock
   * lives in the database session, so a crashed process cannot leave it behind.
   *
   * @return whether the lock was taken in time
   */
  boolean lock(Connection connection, String key, Duration timeout) throws SQLException;

  /** Releases the lock taken by {@link #lock}. */
  void unlock(Connection connection, String key) throws SQLException;

  /**
   * Names the session {@code applicationName} where the database shows sessions by name, and asks
   * the server to notice when the client dies in the middle of a statement, so that a killed
   * process's lock dies with it; {@link #release} undoes both for a connection that goes back to a
   * pool. Nothing to do by default.
   */
  default void claim(Connection connection, String applicationName) throws SQLException {}

  /** Restores what {@link #claim} changed. */
  default void release(Connection connection) throws SQLException {}

  /**
   * Who holds the lock {@code key} in another session, as far as the database can tell; empty when
   * it cannot.
   */
  default Optional<LockHolder> lockHolder(Connection connection, String key) throws SQLException {
    return Optional.empty();
  }

  /** Starts a transaction that holds the database's write lock until it ends. */
  void begin(Connection connection) throws SQLException;

  /** Commits the transaction started by {@link #begin}. */
  void commit(Connection connection) throws SQLException;

  /** Rolls back the transaction started by {@link #begin}. */
  void rollback(Connection connection) throws SQLException;

  /**
   * Marks the transaction {@link #begin} just started as a revision's own, so that {@link
   * #transactionMisuse} can tell whether the revision's migration ended it; and, where the database
   * can, limits how long each of its statements waits for a lock another session holds.
   *
   * @param lockTimeout the longest wait, or zero to leave the database's own setting alone
   */
  void markTransaction(Connection connection, Duration lockTimeout) throws SQLException;

  /**
   * What the migration that just ran did to the transaction {@link #markTransaction} marked, asked
   * before Retort commits or rolls it back: empty while that transaction is still the open one (or
   * when the database itself ended it, as SQLite does after some errors), else what the migration
   * did wrong, such as "ended the transaction Retort runs it in".
   *
   * @param failure what the migration threw, or {@code null}
   * @throws SQLException when the database cannot answer, as when a transaction in PostgreSQL
   *     failed and the migration went on
   */
  Optional<String> transactionMisuse(Connection connection, Throwable failure) throws SQLException;

  /**
   * Asked after Retort rolled back a revision's transaction: whether the migration committed any of
   * its work first (by committing or by turning on auto-commit); empty when the database cannot
   * tell.
   */
  Optional<Boolean> migrationCommitted(Connection connection) throws SQLException;

  /**
   * Checks, before Retort commits a revision's transaction, what the dialect put off until then;
   * SQLite's foreign keys (see {@link #begin}). Nothing by default.
   *
   * @throws SQLException naming what the revision violated
   */
  default void checkConstraints(Connection connection) throws SQLException {}

  /**
   * Whether {@code e}, thrown by a {@code COMMIT}, says that the data violates a constraint checked
   * only then (a deferred one): the revision's fault, not Retort's. SQLSTATE class 23.
   */
  default boolean isConstraintViolation(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }

  /**
   * Whether {@code cause}, or an exception behind it, says that what a statement creates exists
   * already (a table, an index): in an upgrade, that the database holds the revision's work though
   * its version table does not say so, as after {@code stamp base}.
   */
  default boolean isAlreadyExisting(Throwable cause) {
    return Causes.any(cause, this::alreadyExists);
  }

  /** Whether {@code e} says that what the statement creates exists already. */
  boolean alreadyExists(SQLException e);

  /** Whether {@code e} says the database or the session may not be written to. */
  boolean isReadOnly(SQLException e);

  /**
   * Whether {@code e} says that the table read does not exist, and nothing else: a table that
   * exists but may not be read, or a broken connection, is not a missing table.
   */
  boolean isMissingTable(SQLException e);

  /** Whether {@code schema} exists: a missing schema reads like a missing table. */
  boolean schemaExists(Connection connection, String schema) throws SQLException;

  /**
   * Whether {@code cause}, or an exception behind it, says that the connection was lost or the
   * server ended the session, rather than that the revision is at fault: then the same step may
   * succeed once the database is back.
   */
  default boolean isConnectionLost(Throwable cause) {
    return Causes.any(cause, sql -> sql.getSQLState() != null && endsSession(sql));
  }

  /**
   * Whether {@code cause}, or an exception behind it, says that a statement gave up waiting for a
   * lock that another session holds (PostgreSQL's {@code lock_not_available}): then the revision,
   * rolled back, may succeed once that session is done.
   */
  default boolean isLockNotAvailable(Throwable cause) {
    return false;
  }

  /**
   * Whether {@code e}, which has a SQLSTATE, means the session is gone: class 08 (connection
   * exception) in every database; a dialect adds its own.
   */
  default boolean endsSession(SQLException e) {
    return e.getSQLState().startsWith("08");
  }

  /** The column type of an auto-incrementing primary key. */
  String identityColumn();

  /** The column type of a timestamp. */
  String timestampColumn();

  /** The SQL expression for the current time. */
  String now();

  /** Quotes a validated identifier. */
  default String quote(String identifier) {
    return "\"" + identifier + "\"";
  }
}
