package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * An index: {@code Index.named("ix_users_email").on("users", "email").unique()}, optionally partial
 * ({@code .where("deleted_at IS NULL")}). Immutable.
 */
public final class Index {

  private final String name;
  private final String table;
  private final List<String> columns;
  private final boolean unique;
  private final Optional<String> where;

  private Index(
      String name, String table, List<String> columns, boolean unique, Optional<String> where) {
    this.name = name;
    this.table = table;
    this.columns = columns;
    this.unique = unique;
    this.where = where;
  }

  /** An index called {@code name}; {@link #on} says of what. */
  public static Index named(String name) {
    return new Index(Names.check("index", name), null, List.of(), false, Optional.empty());
  }

  /** Over {@code columns} of {@code table}, in that order. */
  public Index on(String table, String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("index " + name + " on " + table + ": name its columns");
    }
    for (String column : columns) Names.check("column", column);
    return new Index(name, Names.check("table", table), List.of(columns), unique, where);
  }

  /** No two rows have the same values in the columns. */
  public Index unique() {
    return new Index(name, table, columns, true, where);
  }

  /** Only the rows {@code condition} (SQL) holds for: a partial index. */
  public Index where(String condition) {
    return new Index(name, table, columns, unique, Optional.of(condition));
  }

  /** The index's name. */
  public String name() {
    return name;
  }

  /**
   * {@code CREATE INDEX}; {@code concurrently} on PostgreSQL builds it without blocking writes,
   * which needs a revision that runs outside a transaction.
   */
  String sql(SqlDialect dialect, boolean concurrently) {
    if (table == null)
      throw new IllegalStateException("index " + name + ": say on(table, columns)");
    StringBuilder sql = new StringBuilder("CREATE ");
    if (unique) sql.append("UNIQUE ");
    sql.append("INDEX ");
    if (concurrently) sql.append("CONCURRENTLY ");
    sql.append(dialect.quote(name)).append(" ON ").append(dialect.quote(table)).append(" (");
    sql.append(Names.list(dialect, columns)).append(')');
    where.ifPresent(condition -> sql.append(" WHERE ").append(condition));
    return sql.toString();
  }
}
