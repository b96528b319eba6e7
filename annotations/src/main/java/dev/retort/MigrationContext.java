package dev.retort;

import dev.retort.schema.Column;
import dev.retort.schema.ColumnChange;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.Operation;
import dev.retort.schema.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What a running {@link Migration} gets from the runtime. */
public interface MigrationContext {

  /**
   * Runs one SQL statement. In offline mode the statement is recorded into the script instead of
   * being run; prefer this method to the raw connection so that offline mode works.
   */
  void execute(String sql) throws SQLException;

  /**
   * The live connection, inside the revision's transaction when it is transactional.
   *
   * @throws IllegalStateException in offline mode, where there is no database
   */
  Connection connection();

  /** The dialect's name: {@code "postgresql"} or {@code "sqlite"}. */
  String dialect();

  /** The id of the revision being applied or reverted. */
  String revisionId();

  /** Whether statements are being recorded into an offline SQL script rather than run. */
  boolean offline();

  /**
   * Whether the revision runs in a transaction; operations that PostgreSQL can do without blocking
   * writes only outside one (building an index concurrently) depend on it. True unless the context
   * says otherwise, as Retort's own do.
   */
  default boolean transactional() {
    return true;
  }

  /**
   * Runs a schema operation as the SQL of this context's database; each method below is one. The
   * runtime does those SQLite cannot do in place (changing a column, adding or dropping a
   * constraint) by rebuilding the table, keeping its rows, indexes and triggers.
   */
  default void apply(Operation operation) throws SQLException {
    for (String sql : operation.sql(SqlDialect.named(dialect()), transactional())) execute(sql);
  }

  /** Creates {@code table} with {@code columns}: Alembic's {@code op.create_table}. */
  default void createTable(String table, Column... columns) throws SQLException {
    apply(new Operation.CreateTable(table, List.of(columns)));
  }

  /** Drops {@code table}: {@code op.drop_table}. */
  default void dropTable(String table) throws SQLException {
    apply(new Operation.DropTable(table));
  }

  /** Adds {@code column} to {@code table}: {@code op.add_column}. */
  default void addColumn(String table, Column column) throws SQLException {
    apply(new Operation.AddColumn(table, column));
  }

  /** Drops {@code column} with the indexes and constraints over it: {@code op.drop_column}. */
  default void dropColumn(String table, String column) throws SQLException {
    apply(new Operation.DropColumn(table, column));
  }

  /** Changes a column's type, nullability, default or name: {@code op.alter_column}. */
  default void alterColumn(String table, String column, ColumnChange change) throws SQLException {
    apply(new Operation.AlterColumn(table, column, change));
  }

  /** Renames {@code table}: {@code op.rename_table}. */
  default void renameTable(String table, String newName) throws SQLException {
    apply(new Operation.RenameTable(table, newName));
  }

  /** Creates {@code index}: {@code op.create_index}. */
  default void createIndex(Index index) throws SQLException {
    apply(new Operation.CreateIndex(index));
  }

  /** Drops the index {@code name}: {@code op.drop_index}. */
  default void dropIndex(String name) throws SQLException {
    apply(new Operation.DropIndex(name));
  }

  /** Adds a named foreign key: {@code op.create_foreign_key}. */
  default void createForeignKey(ForeignKey key) throws SQLException {
    apply(new Operation.CreateForeignKey(key));
  }

  /** Adds a named unique constraint: {@code op.create_unique_constraint}. */
  default void createUniqueConstraint(String name, String table, String... columns)
      throws SQLException {
    apply(new Operation.CreateUniqueConstraint(name, table, List.of(columns)));
  }

  /** Adds a named check constraint: {@code op.create_check_constraint}. */
  default void createCheckConstraint(String name, String table, String condition)
      throws SQLException {
    apply(new Operation.CreateCheckConstraint(name, table, condition));
  }

  /** Drops the constraint {@code name} of {@code table}: {@code op.drop_constraint}. */
  default void dropConstraint(String table, String name) throws SQLException {
    apply(new Operation.DropConstraint(table, name));
  }

  /** Inserts {@code rows} of constants into {@code columns}: {@code op.bulk_insert}. */
  default void bulkInsert(String table, List<String> columns, List<List<Object>> rows)
      throws SQLException {
    apply(new Operation.BulkInsert(table, columns, rows));
  }
}
