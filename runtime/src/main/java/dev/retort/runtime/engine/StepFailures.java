package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.plan.Direction;
import dev.retort.runtime.plan.Step;
import dev.retort.runtime.plan.VersionRows;
import java.sql.SQLException;

/**
 * The messages of a step that failed. Each says whose fault it is (the revision's or what Retort
 * itself writes), what the database holds now, and what to do, since the way out differs: run
 * again, fix the revision, or inspect the database and {@code stamp}.
 */
final class StepFailures {

  private StepFailures() {}

  /** The revision failed inside its transaction, which was rolled back. */
  static RetortException rolledBack(
      Step step, LiveContext context, Throwable cause, String causeText, boolean connectionLost) {
    return rolledBack(
        step,
        context,
        cause,
        causeText,
        connectionLost
            ? "The connection to the database was lost; run the command again when it is back"
            : fixTheRevision(cause));
  }

  /** A rolled-back revision's report: what failed, where the database is, and {@code advice}. */
  private static RetortException rolledBack(
      Step step, LiveContext context, Throwable cause, String causeText, String advice) {
    return new RetortException(
        ErrorCode.MIGRATION_FAILED,
        subject(step)
            + " failed and was rolled back; the database is still at "
            + VersionRows.describe(step.rowsBefore())
            + failingSql(context)
            + ". Cause: "
            + causeText
            + ". "
            + advice,
        cause);
  }

  /**
   * The revision gave way to another session's lock on each of its tries: rolled back; the revision
   * is not at fault, the session holding the lock is.
   */
  static RetortException gaveWay(Step step, LiveContext context, Throwable cause, LockWait wait) {
    int tries = wait.retries() + 1;
    return rolledBack(
        step,
        context,
        cause,
        String.valueOf(cause),
        "A statement waited "
            + wait.timeout().toMillis()
            + " ms for a lock another session holds, on "
            + (tries == 1 ? "its only try" : "each of " + tries + " tries")
            + "; find the session that holds it (pg_locks, pg_stat_activity) and run the command"
            + " again when it is done, or allow longer waits with ddlLockTimeout(...)");
  }

  /**
   * The upgrade of a revision failed, rolled back, because what it creates exists already: the
   * revision is not at fault, the version table is behind the schema (as after {@code stamp base},
   * or a table made by hand), so the way out is a stamp, not a fix.
   */
  static RetortException alreadyThere(Step step, LiveContext context, Throwable cause) {
    return rolledBack(
        step,
        context,
        cause,
        String.valueOf(cause),
        "The database already holds what this revision creates, though its version table says"
            + " the revision is not applied (as after a stamp to an earlier revision, or a schema"
            + " made by hand): if the schema is as the revision leaves it, record that with 'stamp "
            + step.revision().id()
            + "' instead of running it; else remove what is in the way and run the command again");
  }

  /**
   * The revision ended the transaction Retort runs it in ({@code misuse} says how), so some of its
   * work is, or may be, committed without its version row.
   *
   * @param certain whether the database could tell that the work was committed
   * @param failure what the revision threw after that, or {@code null}
   */
  static RetortException committedByRevision(
      Step step,
      LiveContext context,
      String misuse,
      boolean certain,
      Throwable failure,
      String stampChoice) {
    return new RetortException(
        ErrorCode.MIGRATION_FAILED,
        subject(step)
            + " "
            + misuse
            + ", so what it did "
            + (certain ? "is" : "may be")
            + " committed while the version table still says "
            + VersionRows.describe(step.rowsBefore())
            + (failure == null
                ? ""
                : "; it then failed" + failingSql(context) + ". Cause: " + failure)
            + ". Retort did not record it as applied, and every run refuses to continue until this"
            + " is resolved: remove the commit, rollback or auto-commit change from the revision"
            + " (Retort commits each revision together with its version row), "
            + resolveByHand(stampChoice),
        failure);
  }

  /**
   * The revision ran, but what Retort writes with it failed ({@code doing} says what), for a reason
   * that is not the revision's: privileges on Retort's tables, a full disk, a lost connection.
   */
  static RetortException unrecorded(
      Step step, String doing, Throwable cause, boolean connectionLost, boolean committing) {
    String state =
        connectionLost && committing
            ? "the connection was lost while committing, so whether the step was committed is"
                + " unknown: the version table says which"
            : "the step was rolled back and the database is still at "
                + VersionRows.describe(step.rowsBefore());
    return new RetortException(
        ErrorCode.DATABASE_ERROR,
        subject(step)
            + " ran, but Retort could not "
            + doing
            + ": "
            + text(cause)
            + "; "
            + state
            + ". The revision is not at fault: "
            + (connectionLost
                ? "run the command again when the database is back"
                : "fix that cause (such as the database user's privileges on Retort's tables and"
                    + " their sequence, or the free disk space) and run the command again"),
        cause);
  }

  /** A non-transactional revision failed: its changes may be partly applied. */
  static RetortException failedOutsideTransaction(
      Step step, LiveContext context, Throwable cause, String stampChoice) {
    return new RetortException(
        ErrorCode.MIGRATION_FAILED,
        subject(step)
            + " failed and ran outside a transaction, so its changes may be partly applied"
            + failingSql(context)
            + ". Cause: "
            + cause
            + ". Every run refuses to continue until this is resolved: "
            + resolveByHand(stampChoice)
            + "; fix the revision before it runs again",
        cause);
  }

  /** A non-transactional revision ran, but its version row could not be written. */
  static RetortException unrecordedOutsideTransaction(
      Step step, String versionTable, SQLException cause, String stampChoice) {
    return new RetortException(
        ErrorCode.DATABASE_ERROR,
        subject(step)
            + " ran outside a transaction, but Retort could not record it in its version table "
            + versionTable
            + ": "
            + cause.getMessage()
            + "; its changes are applied while the version table still says "
            + VersionRows.describe(step.rowsBefore())
            + ", and every run refuses to continue until this is resolved: fix that cause, check"
            + " the revision's changes, and record the result with "
            + stampChoice,
        cause);
  }

  /**
   * What to do about changes that may be partly applied, {@code stampChoice} the way to record it.
   */
  private static String resolveByHand(String stampChoice) {
    return "inspect the database, complete or undo the revision's changes by hand, and record the"
        + " result with "
        + stampChoice;
  }

  /** What failed, for the history table: the message, else the exception's class. */
  static String text(Throwable cause) {
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  /** "upgrade of revision 'b' (com.example.B)", as every message starts. */
  private static String subject(Step step) {
    RevisionInfo revision = step.revision();
    return (step.direction() == Direction.UP ? "upgrade" : "downgrade")
        + " of revision '"
        + revision.id()
        + "' ("
        + revision.className()
        + ")";
  }

  private static String failingSql(LiveContext context) {
    String sql = context.failedSql();
    return sql == null ? "" : ". Failing SQL: " + sql;
  }

  /** The advice for a revision at fault; the JVM's own limits get a word of their own. */
  private static String fixTheRevision(Throwable cause) {
    if (cause instanceof OutOfMemoryError) {
      return "Fix the revision, or give the JVM more memory (-Xmx), and run the command again";
    }
    if (cause instanceof StackOverflowError) {
      return "Fix the revision, or give threads more stack (-Xss), and run the command again";
    }
    return "Fix the revision and run the command again";
  }
}
