package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.history.HistoryEntry;
import dev.retort.runtime.history.Outcome;
import dev.retort.runtime.history.VersionStore;
import dev.retort.runtime.plan.Direction;
import dev.retort.runtime.plan.Step;
import dev.retort.runtime.plan.VersionRows;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step: the migration body, the version-row change and the history record, in one
 * transaction; or, for a non-transactional revision, with a history record written before it starts
 * so that an interruption is never mistaken for success.
 */
final class StepRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final Session session;
  private final Connection connection;
  private final Dialect dialect;
  private final VersionStore store;

  StepRunner(Session session) {
    this.session = session;
    this.connection = session.connection();
    this.dialect = session.dialect();
    this.store = session.store();
  }

  /**
   * Runs {@code step}. The caller holds the migration lock, so the version rows are those the step
   * was planned from; {@link VersionStore#replaceRows} fails the step if they are not.
   */
  void run(Step step) {
    RevisionInfo revision = step.revision();
    long start = System.nanoTime();
    try {
      dialect.begin(connection);
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw Errors.database("could not start revision '" + revision.id() + "'", e);
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
      LOG.debug(
          "Version rows {} -> {}",
          VersionRows.describe(step.rowsBefore()),
          VersionRows.describe(step.rowsAfter()));
    }
  }

  private void runInTransaction(Step step, long start) {
    RevisionInfo revision = step.revision();
    LiveContext context = new LiveContext(connection, dialect.name(), revision.id());
    try {
      step.runMigration(context);
      dialect.checkConstraints(connection);
      store.replaceRows(connection, step.rowsBefore(), step.rowsAfter());
      store.record(
          connection,
          HistoryEntry.finished(
              step, Outcome.SUCCEEDED, millisSince(start), session.appliedBy(), null));
      dialect.commit(connection);
    } catch (Exception e) {
      session.rollbackQuietly();
      recordFailure(step, start, e);
      throw failure(
          step,
          context,
          e,
          "was rolled back; the database is still at " + VersionRows.describe(step.rowsBefore()),
          dialect.isConnectionLost(e)
              ? "The connection to the database was lost; run the command again when it is back"
              : "Fix the revision and run the command again");
    }
  }

  private void runOutsideTransaction(Step step, long start) {
    RevisionInfo revision = step.revision();
    long recordId;
    try {
      recordId = store.record(connection, HistoryEntry.started(step, session.appliedBy()));
      dialect.commit(connection);
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw Errors.database("could not record the start of '" + revision.id() + "'", e);
    }
    LiveContext context = new LiveContext(connection, dialect.name(), revision.id());
    try {
      step.runMigration(context);
    } catch (Exception e) {
      try {
        store.finish(
            connection,
            recordId,
            Outcome.FAILED,
            millisSince(start),
            String.valueOf(e.getMessage()));
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
      store.finish(connection, recordId, Outcome.SUCCEEDED, millisSince(start), null);
      dialect.commit(connection);
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw Errors.database("revision '" + revision.id() + "' ran, but recording it failed", e);
    }
  }

  /**
   * Best effort: the failure of a transactional step goes in the history in its own transaction.
   */
  private void recordFailure(Step step, long start, Exception cause) {
    try {
      dialect.begin(connection);
      store.record(
          connection,
          HistoryEntry.finished(
              step,
              Outcome.FAILED,
              millisSince(start),
              session.appliedBy(),
              String.valueOf(cause.getMessage())));
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

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
