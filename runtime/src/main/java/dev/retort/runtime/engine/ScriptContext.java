package dev.retort.runtime.engine;

import dev.retort.MigrationContext;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.sql.Connection;

/** Records a migration's statements into an offline SQL script instead of running them. */
final class ScriptContext implements MigrationContext {

  private final StringBuilder script;
  private final String dialect;
  private final String revisionId;
  private final String className;

  ScriptContext(StringBuilder script, String dialect, String revisionId, String className) {
    this.script = script;
    this.dialect = dialect;
    this.revisionId = revisionId;
    this.className = className;
  }

  @Override
  public void execute(String sql) {
    script.append(sql.strip());
    if (!sql.strip().endsWith(";")) script.append(';');
    script.append('\n');
  }

  @Override
  public Connection connection() {
    throw new RetortException(
        ErrorCode.OFFLINE_UNSUPPORTED,
        "revision '"
            + revisionId
            + "' ("
            + className
            + ") needs the live connection, which an offline SQL script does not have; run it"
            + " online, or write it with ctx.execute(sql) only");
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
}
