package dev.retort.runtime.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

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

  /** Starts a transaction that holds the database's write lock until it ends. */
  void begin(Connection connection) throws SQLException;

  /** Commits the transaction started by {@link #begin}. */
  void commit(Connection connection) throws SQLException;

  /** Rolls back the transaction started by {@link #begin}. */
  void rollback(Connection connection) throws SQLException;

  /** Whether {@code e} says the database or the session may not be written to. */
  boolean isReadOnly(SQLException e);

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
