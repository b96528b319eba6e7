package dev.retort.runtime.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * SQLite's procedure for schema changes ("Making Other Kinds Of Table Schema Changes" in <a
 * href="https://www.sqlite.org/lang_altertable.html">its ALTER TABLE page</a>) around each
 * transaction of a connection that enforces foreign keys.
 *
 * <p>A revision that rebuilds a table (create the new one, copy, {@code DROP TABLE} the old one,
 * rename) would otherwise delete every child row through {@code ON DELETE CASCADE}, or fail, when
 * the old table is dropped; and {@code PRAGMA foreign_keys = OFF} does nothing inside a
 * transaction, so the revision cannot switch it off itself. So enforcement goes off before {@code
 * BEGIN}, {@code PRAGMA foreign_key_check} runs before {@code COMMIT} (a violation fails the
 * revision), and the connection's setting comes back after the transaction ends, whichever way.
 */
final class SqliteForeignKeys {

  private boolean suspended;

  /** Outside a transaction: switches enforcement off when the connection has it on. */
  void suspend(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
      if (!rs.next() || rs.getInt(1) == 0) return;
    }
    execute(connection, "PRAGMA foreign_keys = OFF");
    suspended = true;
  }

  /**
   * Inside the transaction, before it commits: when enforcement was suspended, fails with a message
   * that names each table holding rows whose foreign key finds no row in its parent table.
   */
  void check(Connection connection) throws SQLException {
    if (!suspended) return;
    // child table and parent table -> how many rows miss their parent; sorted, for a stable text
    Map<String, Integer> violations = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA foreign_key_check")) {
      while (rs.next()) {
        violations.merge(rs.getString("table") + "\0" + rs.getString("parent"), 1, Integer::sum);
      }
    }
    if (violations.isEmpty()) return;
    StringBuilder found = new StringBuilder();
    for (Map.Entry<String, Integer> violation : violations.entrySet()) {
      String[] tables = violation.getKey().split("\0", 2);
      boolean one = violation.getValue() == 1;
      found
          .append(found.length() == 0 ? "" : "; ")
          .append(violation.getValue())
          .append(one ? " row of table " : " rows of table ")
          .append(tables[0])
          .append(one ? " refers" : " refer")
          .append(" to no row of ")
          .append(tables[1]);
    }
    throw new SQLException(
        "foreign key check failed (this connection enforces foreign keys, so Retort checks them"
            + " before it commits): "
            + found);
  }

  /**
   * After the transaction ended: switches enforcement back on when {@link #suspend} took it off.
   */
  void restore(Connection connection) throws SQLException {
    if (!suspended) return;
    execute(connection, "PRAGMA foreign_keys = ON");
    suspended = false;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
