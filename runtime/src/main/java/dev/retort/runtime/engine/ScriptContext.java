package dev.retort.runtime.engine;

import dev.retort.MigrationContext;
import dev.retort.RevisionInfo;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.schema.Operation;
import dev.retort.schema.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;

/** Records a migration's statements into an offline SQL script instead of running them. */
final class ScriptContext implements MigrationContext {

  private final StringBuilder script;
  private final String dialect;
  private final String revisionId;
  private final String className;
  private final boolean transactional;

  ScriptContext(StringBuilder script, String dialect, RevisionInfo revision) {
    this.script = script;
    this.dialect = dialect;
    this.revisionId = revision.id();
    this.className = revision.className();
    this.transactional = revision.transactional();
  }

  /**
   * Writes {@code operation}'s SQL; one SQLite must rebuild a table for needs the table's
   * definition, which only the live database has.
   */
  @Override
  public void apply(Operation operation) throws SQLException {
    if (SqlDialect.named(dialect) == SqlDialect.SQLITE && operation.sqliteRebuild().isPresent()) {
      throw offline(
          "changes table "
              + operation.sqliteRebuild().get()
              + " in a way SQLite does by rebuilding the table, which reads the table's definition"
              + " from the live database; an offline SQL script for SQLite cannot hold it: run the"
              + " revision online");
    }
    MigrationContext.super.apply(operation);
  }

  @Override
  public void execute(String sql) {
    script.append(sql.strip());
    if (!sql.strip().endsWith(";")) script.append(';');
    script.append('\n');
  }

  @Override
  public Connection connection() {
    throw offline(
        "needs the live connection, which an offline SQL script does not have; run it online, or"
            + " write it with ctx.execute(sql) and the schema operations only");
  }

  /** The revision cannot be written offline: {@code what} says why. */
  private RetortException offline(String what) {
    return new RetortException(
        ErrorCode.OFFLINE_UNSUPPORTED, "revision '" + revisionId + "' (" + className + ") " + what);
  }

  @Override
  public String dialect() {
    return dialect;
  }

  @Override
  public String revisionId() {
    return revisionId;
  }

  @Override
  public boolean offline() {
    return true;
  }

  @Override
  public boolean transactional() {
    return transactional;
  }
}
