package dev.retort.runtime.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a SQLite schema ({@code main} or an attached one) from its catalog and pragmas. */
final class SqliteSchema {

  private final Statement statement;
  private final String schema;
  private final List<SchemaEntry> entries = new ArrayList<>();

  private SqliteSchema(Statement statement, String schema) {
    this.statement = statement;
    this.schema = quote(schema);
  }

  static List<SchemaEntry> read(Connection connection, String schema) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      SqliteSchema reader = new SqliteSchema(statement, schema);
      reader.readAll();
      return reader.entries;
    }
  }

  private void readAll() throws SQLException {
    Map<String, String> objects = new TreeMap<>();
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT type, name, sql FROM "
                + schema
                + ".sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")) {
      while (rs.next()) objects.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3));
    }
    for (Map.Entry<String, String> object : objects.entrySet()) {
      if (object.getKey().startsWith("view ")) {
        entries.add(SchemaEntry.top(object.getKey(), object.getValue()));
      } else {
        String table = object.getKey().substring("table ".length());
        entries.add(SchemaEntry.top(object.getKey(), ""));
        columns(table);
        foreignKeys(table);
        indexes(table);
      }
    }
  }

  private void columns(String table) throws SQLException {
    Map<Integer, String> primaryKey = new TreeMap<>();
    try (ResultSet rs = pragma("table_info", table)) {
      while (rs.next()) {
        String name = rs.getString("name");
        String definition =
            rs.getString("type")
                + (rs.getBoolean("notnull") ? " NOT NULL" : "")
                + (rs.getString("dflt_value") == null
                    ? ""
                    : " DEFAULT " + rs.getString("dflt_value"));
        entries.add(SchemaEntry.part(table, "column " + name, definition));
        if (rs.getInt("pk") > 0) primaryKey.put(rs.getInt("pk"), name);
      }
    }
    if (!primaryKey.isEmpty()) {
      entries.add(SchemaEntry.part(table, "primary key", list(primaryKey.values())));
    }
  }

  private void foreignKeys(String table) throws SQLException {
    Map<Integer, List<String[]>> keys = new TreeMap<>();
    try (ResultSet rs = pragma("foreign_key_list", table)) {
      while (rs.next()) {
        keys.computeIfAbsent(rs.getInt("id"), id -> new ArrayList<>())
            .add(
                new String[] {
                  rs.getString("from"),
                  rs.getString("to"),
                  rs.getString("table"),
                  rs.getString("on_update"),
                  rs.getString("on_delete")
                });
      }
    }
    for (List<String[]> key : keys.values()) {
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      for (String[] column : key) {
        from.add(column[0]);
        if (column[1] != null) to.add(column[1]);
      }
      String[] first = key.get(0);
      String definition =
          "REFERENCES "
              + first[2]
              + (to.isEmpty() ? "" : " " + list(to))
              + action("ON UPDATE", first[3])
              + action("ON DELETE", first[4]);
      entries.add(SchemaEntry.part(table, "foreign key " + list(from), definition));
    }
  }

  private void indexes(String table) throws SQLException {
    List<String[]> indexes = new ArrayList<>();
    try (ResultSet rs = pragma("index_list", table)) {
      while (rs.next()) {
        indexes.add(
            new String[] {
              rs.getString("name"),
              rs.getString("origin"),
              rs.getBoolean("unique") ? "UNIQUE " : "",
              rs.getBoolean("partial") ? " PARTIAL" : ""
            });
      }
    }
    for (String[] index : indexes) {
      String columns = list(indexColumns(index[0]));
      switch (index[1]) {
        case "pk" -> {} // the primary key, listed as such
        case "u" -> entries.add(SchemaEntry.part(table, "unique " + columns, ""));
        default ->
            entries.add(
                SchemaEntry.part(table, "index " + index[0], index[2] + columns + index[3]));
      }
    }
  }

  private List<String> indexColumns(String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = pragma("index_info", index)) {
      while (rs.next()) {
        String name = rs.getString("name");
        columns.add(name == null ? "<expression>" : name);
      }
    }
    return columns;
  }

  private ResultSet pragma(String pragma, String argument) throws SQLException {
    return statement.executeQuery("PRAGMA " + schema + "." + pragma + "(" + quote(argument) + ")");
  }

  private static String action(String when, String action) {
    return action == null || action.equals("NO ACTION") ? "" : " " + when + " " + action;
  }

  private static String list(Iterable<String> names) {
    return "(" + String.join(", ", names) + ")";
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
