package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.history.Action;
import dev.retort.runtime.history.VersionStore;
import dev.retort.runtime.plan.Step;
import java.time.Duration;
import java.util.List;

/**
 * Writes the SQL script of a plan without a database (Alembic's {@code --sql}): each revision's
 * statements as its migration passes them to {@code ctx.execute}, with the version-row changes,
 * inside {@code BEGIN}/{@code COMMIT} unless the revision is non-transactional; on PostgreSQL with
 * the {@code lock_timeout} an online run sets, so that a revision run from the script gives way to
 * traffic as well (without the retries: the script's runner decides about running it again).
 */
final class ScriptWriter {

  private final String dialect;
  private final VersionStore store;
  private final Duration lockTimeout;

  ScriptWriter(String dialect, VersionStore store, Duration lockTimeout) {
    this.dialect = dialect;
    this.store = store;
    this.lockTimeout = lockTimeout;
  }

  /** The script for {@code steps}; {@code createTables} adds the version store's DDL first. */
  String write(String title, List<Step> steps, boolean createTables) {
    StringBuilder script = new StringBuilder();
    script.append("-- Retort offline script (").append(dialect).append("): ").append(title);
    script.append('\n');
    if (createTables) {
      script.append('\n');
      store.createStatements().forEach(sql -> script.append(sql).append(";\n"));
    }
    for (Step step : steps) {
      RevisionInfo revision = step.revision();
      script
          .append("\n-- ")
          .append(Action.of(step.direction()).label())
          .append(' ')
          .append(revision.id());
      if (!revision.description().isEmpty()) {
        script.append(": ").append(revision.description());
      }
      script.append('\n');
      if (revision.transactional()) {
        script.append("BEGIN;\n");
        if (dialect.equals("postgresql") && !lockTimeout.isZero()) {
          script
              .append("SET LOCAL lock_timeout = '")
              .append(lockTimeout.toMillis())
              .append("ms';\n");
        }
      }
      ScriptContext context = new ScriptContext(script, dialect, revision);
      try {
        step.runMigration(context);
      } catch (RetortException e) {
        throw e;
      } catch (Exception e) {
        throw new RetortException(
            ErrorCode.MIGRATION_FAILED,
            "revision '"
                + revision.id()
                + "' ("
                + revision.className()
                + ") failed while writing the offline script: "
                + e,
            e);
      }
      store
          .rowChanges(step.rowsBefore(), step.rowsAfter())
          .forEach(sql -> script.append(sql).append(";\n"));
      if (revision.transactional()) script.append("COMMIT;\n");
    }
    return script.toString();
  }
}
