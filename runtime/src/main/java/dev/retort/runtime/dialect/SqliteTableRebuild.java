package dev.retort.runtime.dialect;

import dev.retort.runtime.dialect.SqliteTableSql.Element;
import dev.retort.schema.ColumnChange;
import dev.retort.schema.Operation;
import dev.retort.schema.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What SQLite cannot change in place (a column's type, nullability or default, a dropped column, an
 * added or dropped constraint) done by its documented procedure ("Making Other Kinds Of Table
 * Schema Changes", <a href="https://www.sqlite.org/lang_altertable.html">ALTER TABLE</a>): create
 * the new table, copy the rows, drop the old one, rename the new one, and create its indexes,
 * triggers and the views over it again. Retort's transaction for the revision supplies the steps
 * around these: foreign keys off before it begins, {@code PRAGMA foreign_key_check} before it
 * commits ({@link SqliteForeignKeys}), so the rows of child tables stay and are checked.
 */
public final class SqliteTableRebuild {

  private static final SqlDialect SQLITE = SqlDialect.SQLITE;

  /** A view or trigger that names the table: {@code type} is {@code view} or {@code trigger}. */
  private record Dependent(String type, String name, String sql) {}

  private SqliteTableRebuild() {}

  /** The statements that do {@code operation}, read from the live definition of its table. */
  public static List<String> statements(Connection connection, Operation operation)
      throws SQLException {
    String table = operation.sqliteRebuild().orElseThrow();
    SqliteTableSql before = SqliteTableSql.parse(tableSql(connection, table));
    Optional<String> dropped =
        operation instanceof Operation.DropColumn drop
            ? Optional.of(drop.column())
            : Optional.empty();
    SqliteTableSql after = edit(before, operation, table);
    String name = SQLITE.quote(table);
    String temporary = SQLITE.quote("retort_rebuild_" + table);

    List<String> copied = new ArrayList<>(after.columns());
    copied.retainAll(before.columns());
    copied.removeAll(generatedColumns(connection, table));
    String columns = String.join(", ", copied.stream().map(SQLITE::quote).toList());

    List<String> sql = new ArrayList<>();
    List<Dependent> dependents = dependents(connection, table);
    for (Dependent dependent : dependents) {
      sql.add("DROP " + dependent.type() + " " + SQLITE.quote(dependent.name()));
    }
    sql.add(after.createAs(temporary));
    sql.add("INSERT INTO " + temporary + " (" + columns + ") SELECT " + columns + " FROM " + name);
    sql.add("DROP TABLE " + name);
    sql.add("ALTER TABLE " + temporary + " RENAME TO " + name);
    sql.addAll(indexes(connection, table, dropped));
    for (Dependent dependent : dependents) sql.add(dependent.sql());
    if (operation instanceof Operation.AlterColumn alter) {
      alter
          .change()
          .newName()
          .ifPresent(
              newName ->
                  sql.add(
                      "ALTER TABLE "
                          + name
                          + " RENAME COLUMN "
                          + SQLITE.quote(alter.column())
                          + " TO "
                          + SQLITE.quote(newName)));
    }
    return sql;
  }

  /** The table as {@code operation} leaves it; a rename of a column comes after the rebuild. */
  private static SqliteTableSql edit(SqliteTableSql table, Operation operation, String name)
      throws SQLException {
    List<Element> elements = new ArrayList<>(table.elements());
    if (operation instanceof Operation.AddColumn add) {
      elements.add(Element.of(add.column().sql(SQLITE)));
    } else if (operation instanceof Operation.DropColumn drop) {
      Element column = column(elements, name, drop.column());
      elements.remove(column);
      // As PostgreSQL does: the table's constraints over the column go with it.
      elements.removeIf(e -> !e.isColumn() && e.mentions(drop.column()));
    } else if (operation instanceof Operation.AlterColumn alter) {
      Element column = column(elements, name, alter.column());
      elements.set(elements.indexOf(column), Element.of(altered(column, alter.change())));
    } else if (operation instanceof Operation.CreateForeignKey key) {
      elements.add(Element.of(key.key().sql(SQLITE)));
    } else if (operation instanceof Operation.CreateUniqueConstraint unique) {
      elements.add(Element.of(unique.clause(SQLITE)));
    } else if (operation instanceof Operation.CreateCheckConstraint check) {
      elements.add(Element.of(check.clause(SQLITE)));
    } else if (operation instanceof Operation.DropConstraint drop) {
      dropConstraint(elements, name, drop.name());
    } else {
      throw new IllegalArgumentException("no rebuild for " + operation);
    }
    return table.with(elements);
  }

  private static String altered(Element column, ColumnChange change) {
    SqliteColumnSql sql = SqliteColumnSql.parse(column.text());
    if (change.newType().isPresent()) sql = sql.withType(change.newType().get().sql(SQLITE));
    if (change.newNotNull().isPresent()) sql = sql.withNotNull(change.newNotNull().get());
    if (change.newDefault().isPresent()) {
      sql =
          sql.withDefault(
              change.newDefault().get().map(d -> "DEFAULT " + d.sql(SQLITE)).orElse(null));
    }
    return sql.sql();
  }

  private static void dropConstraint(List<Element> elements, String table, String constraint)
      throws SQLException {
    for (int i = 0; i < elements.size(); i++) {
      Element element = elements.get(i);
      if (!element.isColumn()
          && element.name().filter(n -> n.equalsIgnoreCase(constraint)).isPresent()) {
        elements.remove(i);
        return;
      }
      if (element.isColumn()) {
        SqliteColumnSql column = SqliteColumnSql.parse(element.text());
        if (column.hasConstraint(constraint)) {
          elements.set(i, Element.of(column.withoutConstraint(constraint).sql()));
          return;
        }
      }
    }
    throw new SQLException(
        "table "
            + table
            + " has no constraint named "
            + constraint
            + "; SQLite knows a constraint by name only when it was created with CONSTRAINT name");
  }

  private static Element column(List<Element> elements, String table, String column)
      throws SQLException {
    return elements.stream()
        .filter(e -> e.isColumn() && e.tokens().get(0).names(column))
        .findFirst()
        .orElseThrow(() -> new SQLException("table " + table + " has no column " + column));
  }

  private static String tableSql(Connection connection, String table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
      query.setString(1, table);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) throw new SQLException("no such table: " + table);
        return rs.getString(1);
      }
    }
  }

  /** Generated columns, which cannot be copied into: the new table computes them again. */
  private static List<String> generatedColumns(Connection connection, String table)
      throws SQLException {
    List<String> generated = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT name FROM pragma_table_xinfo(?) WHERE hidden IN (2, 3)")) {
      query.setString(1, table);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) generated.add(rs.getString(1));
      }
    }
    return generated;
  }

  /**
   * The {@code CREATE INDEX} statements of the table's own indexes (not those its constraints
   * make), but for those over {@code dropped}, which go with the column.
   */
  private static List<String> indexes(Connection connection, String table, Optional<String> dropped)
      throws SQLException {
    Map<String, String> indexes = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? COLLATE"
                + " NOCASE AND sql IS NOT NULL ORDER BY rowid")) {
      query.setString(1, table);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) indexes.put(rs.getString(1), rs.getString(2));
      }
    }
    if (dropped.isPresent()) {
      for (String index : List.copyOf(indexes.keySet())) {
        try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT 1 FROM pragma_index_xinfo(?) WHERE name = ? COLLATE NOCASE")) {
          query.setString(1, index);
          query.setString(2, dropped.get());
          try (ResultSet rs = query.executeQuery()) {
            if (rs.next()) indexes.remove(index);
          }
        }
      }
    }
    return List.copyOf(indexes.values());
  }

  /**
   * The views and triggers whose SQL names the table: dropping the table would leave them pointing
   * at nothing (and SQLite refuses the rename then), so they are dropped before and created again
   * after.
   */
  private static List<Dependent> dependents(Connection connection, String table)
      throws SQLException {
    List<Dependent> dependents = new ArrayList<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') AND"
                    + " sql IS NOT NULL ORDER BY rowid");
        ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        String sql = rs.getString(3);
        if (SqliteTokens.of(sql).stream().anyMatch(t -> t.names(table))) {
          dependents.add(new Dependent(rs.getString(1), rs.getString(2), sql));
        }
      }
    }
    return dependents;
  }
}
