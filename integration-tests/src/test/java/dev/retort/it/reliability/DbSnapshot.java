package dev.retort.it.reliability;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a user could see of a database, as sorted text: each table with its columns and types,
 * its indexes, and all its rows. Two equal snapshots mean schema and data are unchanged.
 */
final class DbSnapshot {

  private DbSnapshot() {}

  /** The snapshot of every table except those in {@code ignored} (lower case). */
  static List<String> of(String url, Set<String> ignored) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      DatabaseMetaData meta = c.getMetaData();
      String schema = meta.getDatabaseProductName().equals("PostgreSQL") ? "public" : null;
      TreeSet<String> tables = new TreeSet<>();
      try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          if (!ignored.contains(name.toLowerCase()) && !name.startsWith("sqlite_"))
            tables.add(name);
        }
      }
      for (String table : tables) {
        lines.add("table " + table);
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
          while (rs.next()) {
            lines.add(
                "  column "
                    + rs.getString("COLUMN_NAME")
                    + " "
                    + rs.getString("TYPE_NAME")
                    + " nullable="
                    + rs.getString("IS_NULLABLE"));
          }
        }
        TreeSet<String> indexes = new TreeSet<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
          while (rs.next()) {
            indexes.add(
                "  index " + rs.getString("INDEX_NAME") + " " + rs.getString("COLUMN_NAME"));
          }
        }
        lines.addAll(indexes);
        TreeSet<String> rows = new TreeSet<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData columns = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder("  row");
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              row.append(' ').append(rs.getString(i));
            }
            rows.add(row.toString());
          }
        }
        lines.addAll(rows);
      }
    }
    return lines;
  }
}
