package dev.retort.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A schema operation, which {@code MigrationContext} runs as the SQL of the database it migrates
 * (or writes into an offline script). Each renders itself for both databases; those SQLite cannot
 * do in place say which table it must rebuild, and the runtime does that with the live table's
 * definition.
 */
public sealed interface Operation {

  /**
   * The statements that do this on {@code dialect}, in a revision that runs in a transaction or not
   * ({@code transactional}).
   *
   * @throws IllegalStateException for an operation SQLite must rebuild a table for
   */
  List<String> sql(SqlDialect dialect, boolean transactional);

  /** The table SQLite must rebuild to do this, or empty when it does it in place. */
  default Optional<String> sqliteRebuild() {
    return Optional.empty();
  }

  /** An operation SQLite can do only by rebuilding {@link #table()}. */
  sealed interface Rebuilding extends Operation {
    /** The table the operation changes. */
    String table();

    @Override
    default Optional<String> sqliteRebuild() {
      return Optional.of(table());
    }
  }

  /** {@code CREATE TABLE}. */
  record CreateTable(String table, List<Column> columns) implements Operation {
    public CreateTable {
      Names.check("table", table);
      columns = List.copyOf(columns);
      if (columns.isEmpty()) throw new IllegalArgumentException("table " + table + ": no columns");
    }

    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      List<String> definitions = new ArrayList<>();
      for (Column column : columns) definitions.add(column.sql(dialect));
      return List.of(
          "CREATE TABLE " + dialect.quote(table) + " (" + String.join(", ", definitions) + ")");
    }
  }

  /** {@code DROP TABLE}. */
  record DropTable(String table) implements Operation {
    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      return List.of("DROP TABLE " + dialect.quote(table));
    }
  }

  /** {@code ADD COLUMN}; SQLite rebuilds the table for a key or a NOT NULL without a constant. */
  record AddColumn(String table, Column column) implements Operation {
    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      inPlace(this, dialect);
      return List.of("ALTER TABLE " + dialect.quote(table) + " ADD COLUMN " + column.sql(dialect));
    }

    @Override
    public Optional<String> sqliteRebuild() {
      return column.addableInPlaceOnSqlite() ? Optional.empty() : Optional.of(table);
    }
  }

  /**
   * {@code DROP COLUMN}, with the indexes and table constraints over it, as PostgreSQL drops them;
   * SQLite rebuilds the table.
   */
  record DropColumn(String table, String column) implements Rebuilding {
    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      inPlace(this, dialect);
      return List.of(
          "ALTER TABLE " + dialect.quote(table) + " DROP COLUMN " + dialect.quote(column));
    }
  }

  /**
   * Changes a column's type, nullability, default or name; SQLite rebuilds for all but the name.
   */
  record AlterColumn(String table, String column, ColumnChange change) implements Operation {
    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      inPlace(this, dialect);
      String alter = "ALTER TABLE " + dialect.quote(table);
      String target = alter + " ALTER COLUMN " + dialect.quote(column);
      List<String> sql = new ArrayList<>();
      change.newType().ifPresent(t -> sql.add(target + " TYPE " + t.sql(dialect)));
      change
          .newNotNull()
          .ifPresent(n -> sql.add(target + (n ? " SET NOT NULL" : " DROP NOT NULL")));
      change
          .newDefault()
          .ifPresent(
              d ->
                  sql.add(
                      target
                          + d.map(value -> " SET DEFAULT " + value.sql(dialect))
                              .orElse(" DROP DEFAULT")));
      change
          .newName()
          .ifPresent(
              n ->
                  sql.add(
                      alter
                          + " RENAME COLUMN "
                          + dialect.quote(column)
                          + " TO "
                          + dialect.quote(n)));
      return sql;
    }

    @Override
    public Optional<String> sqliteRebuild() {
      return change.beyondName() ? Optional.of(table) : Optional.empty();
    }
  }

  /** {@code ALTER TABLE ... RENAME TO}. */
  record RenameTable(String table, String newName) implements Operation {
    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      return List.of(
          "ALTER TABLE " + dialect.quote(table) + " RENAME TO " + dialect.quote(newName));
    }
  }

  /**
   * {@code CREATE INDEX}; on PostgreSQL {@code CONCURRENTLY} in a revision that runs outside a
   * transaction, so that writes go on while it builds.
   */
  record CreateIndex(Index index) implements Operation {
    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      return List.of(index.sql(dialect, dialect == SqlDialect.POSTGRESQL && !transactional));
    }
  }

  /** {@code DROP INDEX}; concurrently as {@link CreateIndex} builds one. */
  record DropIndex(String name) implements Operation {
    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      boolean concurrently = dialect == SqlDialect.POSTGRESQL && !transactional;
      return List.of("DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + dialect.quote(name));
    }
  }

  /** Adds a named foreign key; SQLite rebuilds the table. */
  record CreateForeignKey(ForeignKey key) implements Rebuilding {
    @Override
    public String table() {
      return key.table();
    }

    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      inPlace(this, dialect);
      return List.of("ALTER TABLE " + dialect.quote(key.table()) + " ADD " + key.sql(dialect));
    }
  }

  /** Adds a named unique constraint; SQLite rebuilds the table. */
  record CreateUniqueConstraint(String name, String table, List<String> columns)
      implements Rebuilding {
    public CreateUniqueConstraint {
      columns = List.copyOf(columns);
    }

    /** The constraint as a clause of {@code CREATE TABLE} or {@code ADD}. */
    public String clause(SqlDialect dialect) {
      return "CONSTRAINT " + dialect.quote(name) + " UNIQUE (" + Names.list(dialect, columns) + ")";
    }

    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      inPlace(this, dialect);
      return List.of("ALTER TABLE " + dialect.quote(table) + " ADD " + clause(dialect));
    }
  }

  /** Adds a named check constraint; SQLite rebuilds the table. */
  record CreateCheckConstraint(String name, String table, String condition) implements Rebuilding {
    /** The constraint as a clause of {@code CREATE TABLE} or {@code ADD}. */
    public String clause(SqlDialect dialect) {
      return "CONSTRAINT " + dialect.quote(name) + " CHECK (" + condition + ")";
    }

    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      inPlace(this, dialect);
      return List.of("ALTER TABLE " + dialect.quote(table) + " ADD " + clause(dialect));
    }
  }

  /** Drops a named constraint; SQLite rebuilds the table. */
  record DropConstraint(String table, String name) implements Rebuilding {
    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      inPlace(this, dialect);
      return List.of(
          "ALTER TABLE " + dialect.quote(table) + " DROP CONSTRAINT " + dialect.quote(name));
    }
  }

  /** Inserts rows of constants: seed data. */
  record BulkInsert(String table, List<String> columns, List<List<Object>> rows)
      implements Operation {
    public BulkInsert {
      columns = List.copyOf(columns);
      rows =
          rows.stream()
              .map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row)))
              .toList();
      for (List<Object> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              "a row of " + row.size() + " values for " + columns.size() + " columns of " + table);
        }
      }
    }

    @Override
    public List<String> sql(SqlDialect dialect, boolean transactional) {
      String insert =
          "INSERT INTO "
              + dialect.quote(table)
              + " ("
              + Names.list(dialect, columns)
              + ") VALUES (";
      return rows.stream()
          .map(row -> insert + String.join(", ", row.stream().map(Literals::sql).toList()) + ")")
          .toList();
    }
  }

  /** Fails for an operation that SQLite must rebuild a table for, which needs the live table. */
  private static void inPlace(Operation operation, SqlDialect dialect) {
    if (dialect == SqlDialect.SQLITE && operation.sqliteRebuild().isPresent()) {
      throw new IllegalStateException(
          operation
              + " needs SQLite's table rebuild, which reads the table's definition from the"
              + " database");
    }
  }
}
