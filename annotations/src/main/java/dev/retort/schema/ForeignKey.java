package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * A named foreign key added to an existing table: {@code ForeignKey.named("fk_posts_user")
 * .from("posts", "user_id").to("users", "id").onDelete("CASCADE")}. Immutable.
 */
public final class ForeignKey {

  private final String name;
  private final String table;
  private final List<String> columns;
  private final String parent;
  private final List<String> parentColumns;
  private final Optional<String> onDelete;

  private ForeignKey(
      String name,
      String table,
      List<String> columns,
      String parent,
      List<String> parentColumns,
      Optional<String> onDelete) {
    this.name = name;
    this.table = table;
    this.columns = columns;
    this.parent = parent;
    this.parentColumns = parentColumns;
    this.onDelete = onDelete;
  }

  /** A foreign key called {@code name}. */
  public static ForeignKey named(String name) {
    return new ForeignKey(
        Names.check("constraint", name), null, List.of(), null, List.of(), Optional.empty());
  }

  /** Whose {@code columns} of {@code table} refer to another table. */
  public ForeignKey from(String table, String... columns) {
    return new ForeignKey(
        name, Names.check("table", table), checked(columns), parent, parentColumns, onDelete);
  }

  /** To {@code columns} of {@code parent}. */
  public ForeignKey to(String parent, String... columns) {
    return new ForeignKey(
        name, table, this.columns, Names.check("table", parent), checked(columns), onDelete);
  }

  /** What deleting a parent row does: CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION. */
  public ForeignKey onDelete(String action) {
    return new ForeignKey(
        name, table, columns, parent, parentColumns, Optional.of(Names.action(action)));
  }

  /** The constraint's name. */
  public String name() {
    return name;
  }

  /** The table that holds the key. */
  public String table() {
    if (table == null || parent == null || columns.size() != parentColumns.size()) {
      throw new IllegalStateException(
          "foreign key " + name + ": say from(table, columns) and to(parent, as many columns)");
    }
    return table;
  }

  /** The constraint as a {@code CREATE TABLE} or {@code ADD} clause. */
  public String sql(SqlDialect dialect) {
    table();
    StringBuilder sql =
        new StringBuilder("CONSTRAINT ")
            .append(dialect.quote(name))
            .append(" FOREIGN KEY (")
            .append(Names.list(dialect, columns))
            .append(") REFERENCES ")
            .append(dialect.quote(parent))
            .append(" (")
            .append(Names.list(dialect, parentColumns))
            .append(')');
    onDelete.ifPresent(action -> sql.append(" ON DELETE ").append(action));
    return sql.toString();
  }

  private static List<String> checked(String... columns) {
    if (columns.length == 0) throw new IllegalArgumentException("a foreign key needs columns");
    for (String column : columns) Names.check("column", column);
    return List.of(columns);
  }
}
