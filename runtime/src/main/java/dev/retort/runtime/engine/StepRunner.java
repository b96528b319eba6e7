package dev.retort.runtime.engine;

import dev.retort.Migration;
import dev.retort.RevisionInfo;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.history.VersionStore;
import dev.retort.runtime.plan.Direction;
import dev.retort.runtime.plan.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step: the migration body, the version-row change and the history record, in one
 * transaction; or, for a non-transactional revision, with a history record written before it starts
 * so that an interruption is never mistaken for success.
 */
public final class StepRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final Session session;
  private final Connection connection;
  private final Dialect dialect;
  private final VersionStore store;

  public StepRunner(Session session) {
    this.session = session;
    this.connection = session.connection();
    this.dialect = session.dialect();
    this.store = session.store();
  }

  /**
   * Runs {@code step}. The caller holds the migration lock, so the version rows are those the step
   * was planned from; {@link VersionStore#replaceRows} fails the step if they are not.
   */
  public void run(Step step) {
    RevisionInfo revision = step.revision();
    long start = System.nanoTime();
    try {
      dialect.begin(connection);
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw Session.databaseError("could not start revision '" + revision.id() + "'", e);
    }
    if (revision.transactional()) {
      runInTransaction(step, start);
    } else {
      runOutsideTransaction(step, start);
    }
    LOG.info(
        "{} {}{} in {} ms",
        step.direction() == Direction.UP ? "Upgraded" : "Downgraded",
        revision.id(),
        revision.description().isEmpty() ? "" : " (" + revision.description() + ")",
        (System.nanoTime() - start) / 1_000_000);
    if (LOG.isDebugEnabled()) {
      LOG.debug("Version rows {} -> {}", describe(step.rowsBefore()), describe(step.rowsAfter()));
    }
  }

  private void runInTransaction(Step step, long start) {
    RevisionInfo revision = step.revision();
    LiveContext context = new LiveContext(connection, dialect.name(), revision.id());
    try {
      body(step, context);
      store.replaceRows(connection, step.rowsBefore(), step.rowsAfter());
      store.record(
          connection,
          revision.id(),
          step.direction().label(),
          revision.checksum(),
          true,
          true,
          millisSince(start),
          session.appliedBy(),
          null);
      dialect.commit(connection);
    } catch (Exception e) {
      session.rollbackQuietly();
      recordFailure(step, start, e);
      throw failure(
          step,
          context,
          e,
          "was rolled back; the database is still at " + describe(step.rowsBefore()),
          connectionLost(e)
              ? "The connection to the database was lost; run the command again when it is back"
              : "Fix the revision and run the command again");
    }
  }

  private void runOutsideTransaction(Step step, long start) {
    RevisionInfo revision = step.revision();
    long recordId;
    try {
      recordId =
          store.record(
              connection,
              revision.id(),
              step.direction().label(),
              revision.checksum(),
              false,
              null,
              0,
              session.appliedBy(),
              null);
      dialect.commit(connection);
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw Session.databaseError("could not record the start of '" + revision.id() + "'", e);
    }
    LiveContext context = new LiveContext(connection, dialect.name(), revision.id());
    try {
      body(step, context);
    } catch (Exception e) {
      try {
        store.finish(
            connection, recordId, false, millisSince(start), String.valueOf(e.getMessage()));
      } catch (SQLException | RuntimeException unrecorded) {
        e.addSuppressed(unrecorded);
      }
      throw failure(
          step,
          context,
          e,
          "ran outside a transaction, so its changes may be partly"
              + " applied; the next run will refuse to continue until this is resolved",
          "Fix the revision and run the command again");
    }
    try {
      dialect.begin(connection);
      store.replaceRows(connection, step.rowsBefore(), step.rowsAfter());
      store.finish(connection, recordId, true, millisSince(start), null);
      dialect.commit(connection);
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw Session.databaseError(
          "revision '" + revision.id() + "' ran, but recording it failed", e);
    }
  }

  private static void body(Step step, LiveContext context) throws Exception {
    Migration migration = step.revision().newMigration();
    if (step.direction() == Direction.UP) {
      migration.upgrade(context);
    } else {
      migration.downgrade(context);
    }
  }

  /**
   * Best effort: the failure of a transactional step goes in the history in its own transaction.
   */
  private void recordFailure(Step step, long start, Exception cause) {
    RevisionInfo revision = step.revision();
    try {
      dialect.begin(connection);
      store.record(
          connection,
          revision.id(),
          step.direction().label(),
          revision.checksum(),
          true,
          false,
          millisSince(start),
          session.appliedBy(),
          String.valueOf(cause.getMessage()));
      dialect.commit(connection);
    } catch (SQLException | RuntimeException e) {
      session.rollbackQuietly();
      cause.addSuppressed(e);
    }
  }

  private static RetortException failure(
      Step step, LiveContext context, Exception cause, String outcome, String advice) {
    RevisionInfo revision = step.revision();
    String sql = context.failedSql();
    return new RetortException(
        ErrorCode.MIGRATION_FAILED,
        (step.direction() == Direction.UP ? "upgrade" : "downgrade")
            + " of revision '"
            + revision.id()
            + "' ("
            + revision.className()
            + ") failed and "
            + outcome
            + (sql == null ? "" : ". Failing SQL: " + sql)
            + ". Cause: "
            + cause
            + ". "
            + advice,
        cause);
  }

  /**
   * Whether {@code cause} is the loss of the connection (SQLSTATE class 08) or the server ending
   * the session (57P01-57P03, such as pg_terminate_backend) rather than a fault of the revision.
   */
  private static boolean connectionLost(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) return true;
      }
    }
    return false;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  static String describe(List<String> rows) {
    return rows.isEmpty() ? "base" : String.join(", ", rows);
  }
}
