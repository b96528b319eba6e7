package dev.retort.runtime.history;

import dev.retort.runtime.SafeText;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The version table (Alembic's layout: one row per current head, column {@code version_num}) and
 * beside it the history table, which records every step as a {@link HistoryEntry}: revision,
 * action, checksum, when, by whom, how long and whether it succeeded.
 */
public final class VersionStore {

  private final Dialect dialect;
  private final String versionTable;
  private final String historyTable;
  private Connection recordConnection;
  private PreparedStatement recordStatement;

  /**
   * The store of {@code table} in {@code schema}, written in {@code dialect}.
   *
   * @param table the version table's name, a plain identifier
   * @param schema the schema holding both tables, or empty for the default
   */
  public VersionStore(Dialect dialect, String table, Optional<String> schema) {
    this.dialect = dialect;
    String prefix = schema.map(s -> dialect.quote(Identifiers.check("schema", s)) + ".").orElse("");
    Identifiers.versionTable(table);
    this.versionTable = prefix + dialect.quote(table);
    this.historyTable = prefix + dialect.quote(Identifiers.historyTable(table));
  }

  /** The version table's qualified, quoted name. */
  public String versionTable() {
    return versionTable;
  }

  /** The history table's qualified, quoted name. */
  public String historyTable() {
    return historyTable;
  }

  /** The statements that create both tables when they are missing. */
  public List<String> createStatements() {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + versionTable
            + " (version_num VARCHAR(255) NOT NULL PRIMARY KEY)",
        "CREATE TABLE IF NOT EXISTS "
            + historyTable
            + " (id "
            + dialect.identityColumn()
            + ", revision VARCHAR(255) NOT NULL, direction VARCHAR(8) NOT NULL,"
            + " checksum VARCHAR(64) NOT NULL, transactional BOOLEAN NOT NULL, success BOOLEAN,"
            + " started_at "
            + dialect.timestampColumn()
            + " NOT NULL, duration_ms BIGINT, applied_by VARCHAR(255), error TEXT)");
  }

  /**
   * Whether the history table exists. Both tables are created in one transaction, so it stands for
   * both, unless someone dropped the version table since.
   *
   * @throws SQLException when the table cannot be read for any other reason, such as a missing
   *     privilege
   */
  public boolean historyExists(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT id FROM " + historyTable + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      if (dialect.isMissingTable(e)) return false;
      throw e;
    }
  }

  /** Creates both tables when they are missing. */
  public void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : createStatements()) statement.execute(sql);
    }
  }

  /**
   * The version rows as stored. A missing table is an {@link SQLException} like any other failure;
   * the caller tells them apart with {@link Dialect#isMissingTable}.
   */
  public StoredRows rows(Connection connection) throws SQLException {
    List<String> ids = new ArrayList<>();
    int nulls = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT version_num FROM " + versionTable)) {
      while (rs.next()) {
        String id = rs.getString(1);
        // A CHAR(32) column, as some adopted tables have, pads ids with blanks; ids hold none.
        if (id == null) nulls++;
        else ids.add(id.strip());
      }
    }
    ids.sort(null);
    return new StoredRows(versionTable, ids, nulls);
  }

  /**
   * Changes the version rows from {@code before} to {@code after}, touching only the difference.
   * Each statement must change exactly one row, so a version table changed behind the migration
   * lock fails the step instead of being overwritten.
   */
  public void replaceRows(Connection connection, List<String> before, List<String> after)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : rowChanges(before, after)) {
        if (statement.executeUpdate(sql) != 1) {
          throw new SQLException(
              "the version table "
                  + versionTable
                  + " no longer holds "
                  + (before.isEmpty() ? "no rows" : "rows " + String.join(", ", before))
                  + " (while running: "
                  + sql
                  + "): something outside Retort changed it during this run; check it and run"
                  + " again");
        }
      }
    }
  }

  /**
   * The statements that change the version rows from {@code before} to {@code after}: an {@code
   * UPDATE} where one revision replaces another, as Alembic writes it, then {@code DELETE}s and
   * {@code INSERT}s for the rest.
   */
  public List<String> rowChanges(List<String> before, List<String> after) {
    List<String> gone = new ArrayList<>(new TreeSet<>(before));
    gone.removeAll(after);
    List<String> added = new ArrayList<>(new TreeSet<>(after));
    added.removeAll(before);
    List<String> sql = new ArrayList<>();
    while (!gone.isEmpty() && !added.isEmpty()) {
      sql.add(
          "UPDATE "
              + versionTable
              + " SET version_num = "
              + literal(added.remove(0))
              + " WHERE version_num = "
              + literal(gone.remove(0)));
    }
    for (String row : gone) {
      sql.add("DELETE FROM " + versionTable + " WHERE version_num = " + literal(row));
    }
    for (String row : added) {
      sql.add("INSERT INTO " + versionTable + " (version_num) VALUES (" + literal(row) + ")");
    }
    return sql;
  }

  /** Removes every version row. */
  public void clearRows(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM " + versionTable);
    }
  }

  /**
   * Records {@code entry} in the history table; the database's clock sets when it started.
   *
   * @return the new record's id when the entry is {@link Outcome#RUNNING} (to {@link #finish} it
   *     later), else -1
   */
  public long record(Connection connection, HistoryEntry entry) throws SQLException {
    // Only an unfinished record needs its id back, to be finished later.
    boolean unfinished = entry.outcome() == Outcome.RUNNING;
    PreparedStatement insert =
        unfinished
            ? connection.prepareStatement(recordSql(), new String[] {"id"})
            : recordStatement(connection);
    try {
      insert.setString(1, entry.revision());
      insert.setString(2, entry.action().label());
      insert.setString(3, entry.checksum());
      insert.setBoolean(4, entry.transactional());
      setSuccess(insert, 5, entry.outcome());
      insert.setLong(6, entry.durationMillis());
      insert.setString(7, entry.appliedBy());
      // What failed may quote a URL, from a driver or a migration's own message.
      insert.setString(8, SafeText.mask(entry.error()));
      insert.executeUpdate();
      if (!unfinished) return -1;
      try (ResultSet keys = insert.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : -1;
      }
    } finally {
      if (unfinished) insert.close();
    }
  }

  /**
   * Replaces the checksum {@code from} recorded for {@code revision} with {@code to}, in every
   * entry that holds it: the same source, summed the way this version sums it.
   */
  public void replaceChecksum(Connection connection, String revision, String from, String to)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE " + historyTable + " SET checksum = ? WHERE revision = ? AND checksum = ?")) {
      update.setString(1, to);
      update.setString(2, revision);
      update.setString(3, from);
      update.executeUpdate();
    }
  }

  private static void setSuccess(PreparedStatement statement, int index, Outcome outcome)
      throws SQLException {
    Boolean success = outcome.success();
    if (success == null) statement.setNull(index, Types.BOOLEAN);
    else statement.setBoolean(index, success);
  }

  /**
   * The statement that records a finished step, prepared once per connection: a command records
   * every step with it, and PostgreSQL then keeps it prepared on the server. It closes with its
   * connection.
   */
  private PreparedStatement recordStatement(Connection connection) throws SQLException {
    if (recordConnection != connection || recordStatement.isClosed()) {
      recordStatement = connection.prepareStatement(recordSql());
      recordConnection = connection;
    }
    return recordStatement;
  }

  private String recordSql() {
    return "INSERT INTO "
        + historyTable
        + " (revision, direction, checksum, transactional, success, started_at, duration_ms,"
        + " applied_by, error) VALUES (?, ?, ?, ?, ?, "
        + dialect.now()
        + ", ?, ?, ?)";
  }

  /** Completes a record of a {@link Outcome#RUNNING} entry with how it ended. */
  public void finish(
      Connection connection, long recordId, Outcome outcome, long durationMillis, String error)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + historyTable
                + " SET success = ?, duration_ms = ?, error = ? WHERE id = ?")) {
      setSuccess(update, 1, outcome);
      update.setLong(2, durationMillis);
      update.setString(3, SafeText.mask(error));
      update.setLong(4, recordId);
      update.executeUpdate();
    }
  }

  /** Every entry of the history table, oldest first. */
  public List<HistoryEntry> entries(Connection connection) throws SQLException {
    List<HistoryEntry> entries = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT revision, direction, checksum, transactional, success, duration_ms,"
                    + " applied_by, error, started_at FROM "
                    + historyTable
                    + " ORDER BY id")) {
      while (rs.next()) {
        String label = rs.getString(2);
        Action action =
            Action.stored(label)
                .orElseThrow(
                    () ->
                        new SQLException(
                            "the history table "
                                + historyTable
                                + " holds an action this version does not know: "
                                + label));
        boolean success = rs.getBoolean(5);
        Outcome outcome = Outcome.stored(rs.wasNull() ? null : success);
        entries.add(
            new HistoryEntry(
                rs.getString(1),
                action,
                rs.getString(3),
                rs.getBoolean(4),
                outcome,
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9)));
      }
    }
    return entries;
  }

  /** What the history says before a command runs, read in one pass. */
  public History history(Connection connection) throws SQLException {
    return History.of(entries(connection));
  }

  /** The statement that records a revision id as a SQL string literal. */
  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
