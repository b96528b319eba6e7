package dev.retort.runtime.history;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The version table (Alembic's layout: one row per current head, column {@code version_num}) and
 * beside it the history table, which records every step: revision, direction, checksum, when, by
 * whom, how long and whether it succeeded.
 */
public final class VersionStore {

  private final Dialect dialect;
  private final String versionTable;
  private final String historyTable;
  private Connection recordConnection;
  private PreparedStatement recordStatement;

  /**
   * @param table the version table's name, a plain identifier
   * @param schema the schema holding both tables, or empty for the default
   */
  public VersionStore(Dialect dialect, String table, Optional<String> schema) {
    this.dialect = dialect;
    String prefix = schema.map(s -> dialect.quote(Identifiers.check("schema", s)) + ".").orElse("");
    Identifiers.check("version table", table);
    this.versionTable = prefix + dialect.quote(table);
    this.historyTable = prefix + dialect.quote(table + "_history");
  }

  /** The version table's qualified, quoted name. */
  public String versionTable() {
    return versionTable;
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
   * Whether the tables exist. Both are created in one transaction, so the history table stands for
   * both.
   */
  public boolean exists(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id FROM " + historyTable + " WHERE 1 = 0")) {
      return true;
    } catch (SQLException missing) {
      return false;
    }
  }

  /** Creates both tables when they are missing. */
  public void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : createStatements()) statement.execute(sql);
    }
  }

  /** The version rows, sorted. */
  public List<String> rows(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT version_num FROM " + versionTable)) {
      while (rs.next()) rows.add(rs.getString(1));
    }
    rows.sort(null);
    return rows;
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
   * Records a step in the history table.
   *
   * @param success {@code null} while a non-transactional step is still running
   * @return the new record's id when {@code success} is {@code null}, else -1
   */
  public long record(
      Connection connection,
      String revision,
      String direction,
      String checksum,
      boolean transactional,
      Boolean success,
      long durationMillis,
      String appliedBy,
      String error)
      throws SQLException {
    // Only an unfinished record needs its id back, to be finished later.
    boolean unfinished = success == null;
    PreparedStatement insert =
        unfinished
            ? connection.prepareStatement(recordSql(), new String[] {"id"})
            : recordStatement(connection);
    try {
      insert.setString(1, revision);
      insert.setString(2, direction);
      insert.setString(3, checksum);
      insert.setBoolean(4, transactional);
      if (success == null) insert.setNull(5, Types.BOOLEAN);
      else insert.setBoolean(5, success);
      insert.setLong(6, durationMillis);
      insert.setString(7, appliedBy);
      insert.setString(8, error);
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

  /** Completes a record written with {@code success = null}. */
  public void finish(
      Connection connection, long recordId, boolean success, long durationMillis, String error)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + historyTable
                + " SET success = ?, duration_ms = ?, error = ? WHERE id = ?")) {
      update.setBoolean(1, success);
      update.setLong(2, durationMillis);
      update.setString(3, error);
      update.setLong(4, recordId);
      update.executeUpdate();
    }
  }

  /**
   * What the history says before a command runs, read in one pass: the non-transactional steps that
   * failed or never finished since the last {@code stamp} (their effects may be partial, so nothing
   * may run until someone resolves them), and the checksum each revision had when it was last
   * applied or stamped.
   */
  public History history(Connection connection) throws SQLException {
    List<Incomplete> incomplete = new ArrayList<>();
    Map<String, String> checksums = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT revision, direction, checksum, transactional, success, started_at, error"
                    + " FROM "
                    + historyTable
                    + " ORDER BY id")) {
      while (rs.next()) {
        String revision = rs.getString(1);
        String direction = rs.getString(2);
        boolean success = rs.getBoolean(5);
        boolean finished = !rs.wasNull();
        if (direction.equals("stamp")) incomplete.clear();
        if (!rs.getBoolean(4) && !(finished && success)) {
          incomplete.add(new Incomplete(revision, direction, rs.getString(6), rs.getString(7)));
        }
        String checksum = rs.getString(3);
        boolean applied = direction.equals("up") || direction.equals("stamp");
        if (success && applied && !checksum.isEmpty()) {
          checksums.put(revision, checksum);
        }
      }
    }
    return new History(incomplete, checksums);
  }

  /**
   * The history's view of the database.
   *
   * @param incomplete unresolved non-transactional steps, oldest first
   * @param checksums the checksum of each revision when it was last applied or stamped, by id;
   *     revisions applied without a recorded checksum are absent
   */
  public record History(List<Incomplete> incomplete, Map<String, String> checksums) {

    /** The history of a database without a history table. */
    public static final History EMPTY = new History(List.of(), Map.of());
  }

  /** The statement that records a revision id as a SQL string literal. */
  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * A non-transactional step that did not complete.
   *
   * @param revision its revision
   * @param direction up or down
   * @param startedAt when it started
   * @param error what failed, or {@code null} when the process died during it
   */
  public record Incomplete(String revision, String direction, String startedAt, String error) {}
}
