package dev.retort.runtime.engine;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.LockHolder;
import dev.retort.runtime.history.History;
import dev.retort.runtime.history.HistoryEntry;
import dev.retort.runtime.history.StoredRows;
import dev.retort.runtime.history.VersionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command's hold on the database: a connection, its dialect, the version store, and the
 * migration lock from {@link #lock} until {@link #close}.
 *
 * <p>Reading the version store tells a table that does not exist (a new database) from one that
 * cannot be read (a missing privilege, a schema that does not exist, a lost connection): only the
 * first reads as "nothing applied"; the others are errors with their cause.
 */
final class Session implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final Connection connection;
  private final Dialect dialect;
  private final VersionStore store;
  private final String table;
  private final Optional<String> schema;
  private final String command;
  private final String described;
  private String appliedBy;
  private String lockKey;
  private boolean claimed;
  private boolean locked;

  private Session(
      Connection connection,
      String table,
      Optional<String> schema,
      String command,
      String described)
      throws SQLException {
    this.connection = connection;
    this.table = table;
    this.schema = schema;
    this.command = command;
    this.described = described;
    this.dialect = Dialects.of(connection, described);
    this.store = new VersionStore(dialect, table, schema);
  }

  /**
   * Opens a session for {@code command} (such as {@code upgrade}), retrying a failure to connect
   * {@code retries} times with a doubling backoff. Only connecting is retried; nothing has run yet.
   */
  static Session open(
      ConnectionSource source, String table, Optional<String> schema, String command, Retry retry) {
    Connection connection = retry.connect(source);
    try {
      return new Session(connection, table, schema, command, source.describe());
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      if (e instanceof RetortException r) throw r;
      throw new RetortException(
          ErrorCode.DATABASE_ERROR,
          "could not read " + source.describe() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Takes the migration lock and makes sure the version store exists, creating it only when it is
   * missing: a start-up with nothing to do writes nothing. A version table lost beside its history
   * is not created again here; {@link #storedForStamp} does that.
   */
  void lock(Duration timeout) {
    try {
      dialect.claim(connection, "retort " + command);
      claimed = true;
      lockKey = lockKey();
      if (!dialect.lock(connection, lockKey, timeout)) throw lockTimeout(timeout);
      locked = true;
      if (historyExists()) return;
      requireSchema();
      dialect.begin(connection);
      store.create(connection);
      dialect.commit(connection);
    } catch (SQLException e) {
      rollbackQuietly();
      if (dialect.isReadOnly(e)) {
        throw new RetortException(
            ErrorCode.DATABASE_ERROR,
            "the database "
                + described
                + " is read-only, so Retort cannot write its version table ("
                + e.getMessage()
                + "); connect with a user and URL that may write, not to a read-only replica or"
                + " in a read-only mode",
            e);
      }
      throw Errors.database("could not prepare the version table", e);
    }
  }

  /**
   * The lock's name: the version table where it is, not as it was spelled. A command given the
   * schema by name and one relying on the connection's default schema must take the same lock.
   */
  private String lockKey() throws SQLException {
    String where = schema.isPresent() ? schema.get() : connection.getSchema();
    return "retort:" + where + "." + table;
  }

  private RetortException lockTimeout(Duration timeout) {
    String held =
        "another process is migrating this database and held the lock for more than "
            + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s");
    String advice = "wait for it to finish, or raise the lock timeout";
    Optional<LockHolder> holder;
    try {
      holder = dialect.lockHolder(connection, lockKey);
    } catch (SQLException e) {
      // The timeout is the error; who held the lock only helps to explain it.
      LOG.debug("Could not tell who holds the migration lock: {}", e.getMessage());
      holder = Optional.empty();
    }
    return new RetortException(
        ErrorCode.LOCK_TIMEOUT,
        holder
            .map(h -> held + ": " + h.description() + "; " + advice + "; " + h.remedy())
            .orElse(held + "; " + advice));
  }

  /**
   * The version rows as stored; none when neither the version table nor its history exists (a new
   * database). Creates nothing.
   *
   * @throws RetortException when the version table cannot be read, its schema does not exist, or it
   *     is missing while its history is there (which revisions are applied is then unknown)
   */
  StoredRows stored() {
    return stored(false);
  }

  /**
   * As {@link #stored}, except that a version table lost beside its history is created again,
   * empty: a stamp states the rows in full, so it is the way to set such a database right.
   */
  StoredRows storedForStamp() {
    return stored(true);
  }

  private StoredRows stored(boolean recreateLost) {
    Optional<StoredRows> read = read();
    if (read.isPresent()) return read.get();
    requireSchema();
    StoredRows none = new StoredRows(store.versionTable(), List.of(), 0);
    if (!historyExists()) return none;
    // Both tables are created in one transaction, which a concurrent start may have committed
    // between the two reads above; only a version table still missing now was lost.
    read = read();
    if (read.isPresent()) return read.get();
    if (!recreateLost) {
      throw new RetortException(
          ErrorCode.INVALID_VERSION_TABLE,
          "the version table "
              + store.versionTable()
              + " is missing, but its history table "
              + store.historyTable()
              + " is there, so revisions were applied and which are applied now is unknown; record"
              + " the real state with 'stamp REVISION', which creates the version table again");
    }
    try {
      dialect.begin(connection);
      store.create(connection);
      dialect.commit(connection);
      return none;
    } catch (SQLException e) {
      rollbackQuietly();
      throw Errors.database("could not create the version table " + store.versionTable(), e);
    }
  }

  /** The version rows, or empty when the version table does not exist. */
  private Optional<StoredRows> read() {
    try {
      return Optional.of(store.rows(connection));
    } catch (SQLException e) {
      if (!dialect.isMissingTable(e)) {
        throw unreadable("the version table " + store.versionTable(), e);
      }
      rollbackQuietly();
      return Optional.empty();
    }
  }

  /** What the history table says; empty when there is none yet. */
  History history() {
    return History.of(historyEntries());
  }

  /** Every entry of the history table, oldest first; none when there is no table yet. */
  List<HistoryEntry> historyEntries() {
    try {
      return store.entries(connection);
    } catch (SQLException e) {
      if (!dialect.isMissingTable(e)) {
        throw unreadable("the history table " + store.historyTable(), e);
      }
      rollbackQuietly();
      return List.of();
    }
  }

  private boolean historyExists() {
    try {
      return store.historyExists(connection);
    } catch (SQLException e) {
      throw unreadable("the history table " + store.historyTable(), e);
    }
  }

  /** Fails, saying so, when the configured schema does not exist: its tables read as missing. */
  private void requireSchema() {
    if (schema.isEmpty()) return;
    try {
      if (dialect.schemaExists(connection, schema.get())) return;
    } catch (SQLException e) {
      throw unreadable("the schemas of the database", e);
    }
    throw new RetortException(
        ErrorCode.DATABASE_ERROR,
        "the schema \""
            + schema.get()
            + "\" does not exist in the database "
            + described
            + "; check the schema Retort is given (Retort.builder(...).schema(...), --schema), or"
            + " create the schema");
  }

  /** A read that failed for another reason than a missing table, with its cause. */
  private RetortException unreadable(String what, SQLException e) {
    rollbackQuietly();
    return new RetortException(
        dialect.isConnectionLost(e) ? ErrorCode.CONNECTION_FAILED : ErrorCode.DATABASE_ERROR,
        "could not read " + what + ": " + e.getMessage(),
        e);
  }

  /**
   * Replaces the version rows with {@code rows} and records a stamp of each revision in {@code
   * checksums} (revision id to checksum), in one transaction.
   */
  void stamp(List<String> rows, Map<String, String> checksums) {
    try {
      dialect.begin(connection);
      store.clearRows(connection);
      store.replaceRows(connection, List.of(), rows);
      for (Map.Entry<String, String> stamped : checksums.entrySet()) {
        store.record(
            connection, HistoryEntry.stamp(stamped.getKey(), stamped.getValue(), appliedBy()));
      }
      dialect.commit(connection);
    } catch (SQLException e) {
      rollbackQuietly();
      throw Errors.database("could not stamp the version table", e);
    }
  }

  /** Records a repair of each revision in {@code checksums} (id to checksum), in a transaction. */
  void repair(Map<String, String> checksums) {
    try {
      dialect.begin(connection);
      for (Map.Entry<String, String> repaired : checksums.entrySet()) {
        store.record(
            connection, HistoryEntry.repair(repaired.getKey(), repaired.getValue(), appliedBy()));
      }
      dialect.commit(connection);
    } catch (SQLException e) {
      rollbackQuietly();
      throw Errors.database("could not record the repaired checksums", e);
    }
  }

  /**
   * Replaces recorded checksums of an earlier kind with the registry's, in one transaction: each
   * {@code revision -> [stored, current]}.
   */
  void replaceChecksums(Map<String, List<String>> replacements) {
    try {
      dialect.begin(connection);
      for (Map.Entry<String, List<String>> r : replacements.entrySet()) {
        store.replaceChecksum(connection, r.getKey(), r.getValue().get(0), r.getValue().get(1));
      }
      dialect.commit(connection);
    } catch (SQLException e) {
      rollbackQuietly();
      throw Errors.database("could not record the applied revisions' checksums again", e);
    }
  }

  Connection connection() {
    return connection;
  }

  Dialect dialect() {
    return dialect;
  }

  /** The version store of this session. */
  VersionStore store() {
    return store;
  }

  /** The database user, else the operating-system user: asked only when a step is recorded. */
  String appliedBy() throws SQLException {
    if (appliedBy == null) {
      String user = connection.getMetaData().getUserName();
      appliedBy =
          user == null || user.isEmpty() ? System.getProperty("user.name", "unknown") : user;
    }
    return appliedBy;
  }

  void rollbackQuietly() {
    try {
      dialect.rollback(connection);
    } catch (SQLException | RuntimeException ignored) {
      // The connection may be gone; the server rolls back on its own then.
    }
  }

  @Override
  public void close() {
    try {
      if (locked) dialect.unlock(connection, lockKey);
      // A pooled connection goes back as it came.
      if (claimed) dialect.release(connection);
    } catch (SQLException | RuntimeException ignored) {
      // Closing the connection below ends the session and with it the lock.
    } finally {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Nothing more can be done with a connection that fails to close.
    }
  }
}
