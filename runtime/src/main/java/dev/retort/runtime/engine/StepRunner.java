package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.history.Action;
import dev.retort.runtime.history.HistoryEntry;
import dev.retort.runtime.history.Outcome;
import dev.retort.runtime.history.VersionStore;
import dev.retort.runtime.plan.Direction;
import dev.retort.runtime.plan.Step;
import dev.retort.runtime.plan.VersionRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
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
  private final LockWait lockWait;

  StepRunner(Session session, LockWait lockWait) {
    this.session = session;
    this.connection = session.connection();
    this.dialect = session.dialect();
    this.store = session.store();
    this.lockWait = lockWait;
  }

  /**
   * Runs {@code step}. The caller holds the migration lock, so the version rows are those the step
   * was planned from; {@link VersionStore#replaceRows} fails the step if they are not.
   */
  void run(Step step) {
    RevisionInfo revision = step.revision();
    long start = System.nanoTime();
    if (revision.transactional()) {
      runGivingWay(step, start);
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

  /**
   * Runs a transactional step, and again after a pause, doubling, each time one of its statements
   * gave up waiting for a lock another session holds, as many times as configured.
   */
  private void runGivingWay(Step step, long start) {
    Duration pause = lockWait.backoff();
    for (int retry = 1; !runInTransaction(step, start, retry > lockWait.retries()); retry++) {
      LOG.warn(
          "Revision {} gave way: a statement waited {} ms for a lock another session holds, so it"
              + " was rolled back; running it again in {} s ({} of {})",
          step.revision().id(),
          lockWait.timeout().toMillis(),
          pause.toMillis() / 1000.0,
          retry,
          lockWait.retries());
      pause(step, pause);
      pause = pause.multipliedBy(2);
    }
  }

  /**
   * Runs a transactional step: true once it committed, false when it gave way to another session's
   * lock and was rolled back, unless that was its {@code lastTry}; throws for every other failure.
   */
  private boolean runInTransaction(Step step, long start, boolean lastTry) {
    RevisionInfo revision = step.revision();
    try {
      dialect.begin(connection);
      dialect.markTransaction(connection, lockWait.timeout());
    } catch (SQLException e) {
      session.rollbackQuietly();
      throw Errors.database("could not start revision '" + revision.id() + "'", e);
    }
    LiveContext context = new LiveContext(connection, dialect.name(), revision);
    Throwable failure = runMigration(step, context);
    Optional<String> misuse = Optional.empty();
    try {
      misuse = dialect.transactionMisuse(connection, failure);
      if (failure == null && misuse.isEmpty()) dialect.checkConstraints(connection);
    } catch (SQLException e) {
      if (failure == null) failure = e;
      else failure.addSuppressed(e);
    }
    if (failure != null || misuse.isPresent()) {
      session.rollbackQuietly();
      Optional<Boolean> committed = committedAfterRollback(failure);
      // Without a misuse seen, the work counts as committed only when the database says so (as
      // PostgreSQL can after a failure); a lost connection cannot answer, and its server rolled
      // back.
      boolean kept = misuse.isPresent() ? committed.orElse(true) : committed.orElse(false);
      if (!kept && !lastTry && dialect.isLockNotAvailable(failure)) {
        recordFailure(step, start, StepFailures.text(failure), true, null);
        return false;
      }
      throw revisionFailed(step, start, context, failure, misuse, committed, kept);
    }
    commitWithVersionRows(step, start, context);
    return true;
  }

  /** Whether the revision committed work of its own, asked after Retort rolled back. */
  private Optional<Boolean> committedAfterRollback(Throwable failure) {
    try {
      return dialect.migrationCommitted(connection);
    } catch (SQLException e) {
      if (failure != null) failure.addSuppressed(e);
      return Optional.empty();
    }
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
              ? StepFailures.rolledBack(step, context, e, e.toString(), false)
              : StepFailures.unrecorded(step, doing, e, lost, committing);
      if (!lost) recordFailure(step, start, StepFailures.text(e), true, failure);
      throw failure;
    }
  }

  /**
   * The report of a revision that failed, or ended Retort's transaction itself ({@code misuse}),
   * after the rollback: the history then says whether its work may be committed anyway.
   */
  private RetortException revisionFailed(
      Step step,
      long start,
      LiveContext context,
      Throwable failure,
      Optional<String> misuse,
      Optional<Boolean> committed,
      boolean kept) {
    RetortException report;
    if (kept) {
      String what = misuse.orElse("committed the transaction Retort runs it in");
      report =
          StepFailures.committedByRevision(
              step, context, what, committed.isPresent(), failure, stampChoice(step));
      // Recorded as run outside a transaction, which it was: every run then stops until stamped.
      recordFailure(step, start, "the revision " + what, false, report);
    } else if (failure != null && dialect.isLockNotAvailable(failure)) {
      report = StepFailures.gaveWay(step, context, failure, lockWait);
      recordFailure(step, start, StepFailures.text(failure), true, report);
    } else if (failure != null
        && step.direction() == Direction.UP
        && dialect.isAlreadyExisting(failure)) {
      // Not the revision's fault: the database holds its work without its version row.
      report = StepFailures.alreadyThere(step, context, failure);
      recordFailure(step, start, StepFailures.text(failure), true, report);
    } else if (failure != null) {
      report =
          StepFailures.rolledBack(
              step, context, failure, failure.toString(), dialect.isConnectionLost(failure));
      recordFailure(step, start, StepFailures.text(failure), true, report);
    } else {
      String what = "the revision " + misuse.get();
      report = StepFailures.rolledBack(step, context, null, what, false);
      recordFailure(step, start, what, true, report);
    }
    return report;
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
    LiveContext context = new LiveContext(connection, dialect.name(), revision);
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
   * Best effort: the failure of a step goes in the history in a transaction of its own; {@code
   * transactional} false records one whose work may be committed, which every run then reports. A
   * failure to record it is added to {@code report}, or logged when there is none.
   */
  private void recordFailure(
      Step step, long start, String error, boolean transactional, RetortException report) {
    RevisionInfo revision = step.revision();
    try {
      dialect.begin(connection);
      store.record(
          connection,
          new HistoryEntry(
              revision.id(),
              Action.of(step.direction()),
              revision.checksum(),
              transactional,
              Outcome.FAILED,
              millisSince(start),
              session.appliedBy(),
              error,
              null));
      dialect.commit(connection);
    } catch (Throwable e) {
      session.rollbackQuietly();
      if (report != null) report.addSuppressed(e);
      else LOG.warn("Could not record the failure of {} in the history", revision.id(), e);
    }
  }

  private static void pause(Step step, Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetortException(
          ErrorCode.MIGRATION_FAILED,
          "interrupted while waiting to run revision '"
              + step.revision().id()
              + "' again; it was rolled back, the database is still at "
              + VersionRows.describe(step.rowsBefore()));
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
