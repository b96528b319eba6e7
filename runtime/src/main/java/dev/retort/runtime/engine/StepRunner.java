package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
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
 *
 * <p>Whatever the body throws, {@link Error}s included, the step's transaction is rolled back, the
 * failure recorded and reported as a {@link RetortException}, so that the connection goes back to
 * its pool clean. That holds for {@link VirtualMachineError}s too: the body threw it on this thread
 * and its frames are gone by the time it is caught, and the rollback and history record that follow
 * show that the JVM can still work; a report that names the revision serves better than a bare
 * stack trace, and {@code -XX:+ExitOnOutOfMemoryError} remains the way to make running out of
 * memory fatal.
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
    try {
      dialect.begin(connection);
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw Errors.database("could not start revision '" + revision.id() + "'", e);
    }
    LiveContext context = new LiveContext(connection, dialect.name(), revision.id());
    Throwable failure = runMigration(step, context);
    if (failure == null) {
      try {
        dialect.checkConstraints(connection);
      } catch (SQLException e) {
        failure = e;
      }
    }
    if (failure != null) {
      session.rollbackQuietly();
      RetortException report =
          StepFailures.rolledBack(step, context, failure, dialect.isConnectionLost(failure));
      recordFailure(step, start, StepFailures.text(failure), report);
      throw report;
    }
    commitWithVersionRows(step, start, context);
  }

  /**
   * Writes the version rows and the history record, then commits. A failure here is Retort's own
   * writing failing, not the revision, unless the commit finds a deferred constraint violated.
   */
  private void commitWithVersionRows(Step step, long start, LiveContext context) {
    String doing = "update its version table " + store.versionTable();
    boolean committing = false;
    try {
      store.replaceRows(connection, step.rowsBefore(), step.rowsAfter());
      doing = "record the step in its history table " + store.historyTable();
      store.record(
          connection,
          HistoryEntry.finished(
              step, Outcome.SUCCEEDED, millisSince(start), session.appliedBy(), null));
      doing = "commit the step";
      committing = true;
      dialect.commit(connection);
    } catch (Throwable e) {
      session.rollbackQuietly();
      boolean lost = dialect.isConnectionLost(e);
      RetortException failure =
          committing && e instanceof SQLException sql && dialect.isConstraintViolation(sql)
              ? StepFailures.rolledBack(step, context, e, false)
              : StepFailures.unrecorded(step, doing, e, lost, committing);
      if (!lost) recordFailure(step, start, StepFailures.text(e), failure);
      throw failure;
    }
  }

  private void runOutsideTransaction(Step step, long start) {
    RevisionInfo revision = step.revision();
    long recordId;
    try {
      dialect.begin(connection);
      recordId = store.record(connection, HistoryEntry.started(step, session.appliedBy()));
      dialect.commit(connection);
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw Errors.database("could not record the start of '" + revision.id() + "'", e);
    }
    LiveContext context = new LiveContext(connection, dialect.name(), revision.id());
    Throwable failure = runMigration(step, context);
    if (failure != null) {
      session.rollbackQuietly(); // whatever transaction the body left open
      try {
        store.finish(
            connection, recordId, Outcome.FAILED, millisSince(start), StepFailures.text(failure));
      } catch (Throwable unrecorded) {
        failure.addSuppressed(unrecorded);
      }
      throw StepFailures.failedOutsideTransaction(step, context, failure, stampChoice(step));
    }
    try {
      dialect.begin(connection);
      store.replaceRows(connection, step.rowsBefore(), step.rowsAfter());
      store.finish(connection, recordId, Outcome.SUCCEEDED, millisSince(start), null);
      dialect.commit(connection);
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw StepFailures.unrecordedOutsideTransaction(
          step, store.versionTable(), e, stampChoice(step));
    }
  }

  /** Runs the step's migration; returns what it threw, whatever it is, or {@code null}. */
  private static Throwable runMigration(Step step, LiveContext context) {
    try {
      step.runMigration(context);
      return null;
    } catch (Throwable t) {
      if (t instanceof InterruptedException) Thread.currentThread().interrupt();
      return t;
    }
  }

  /**
   * Best effort: the failure of a transactional step goes in the history in a transaction of its
   * own. A failure to record it is added to {@code report}.
   */
  private void recordFailure(Step step, long start, String error, RetortException report) {
    try {
      dialect.begin(connection);
      store.record(
          connection,
          HistoryEntry.finished(
              step, Outcome.FAILED, millisSince(start), session.appliedBy(), error));
      dialect.commit(connection);
    } catch (Throwable e) {
      session.rollbackQuietly();
      report.addSuppressed(e);
    }
  }

  private static String stampChoice(Step step) {
    RevisionInfo revision = step.revision();
    return SafetyChecks.stampChoice(
        revision.id(), revision.revises(), step.direction() == Direction.UP);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
