package dev.retort.runtime.history;

import dev.retort.RevisionInfo;
import dev.retort.runtime.plan.Step;
import java.util.Objects;

/**
 * One row of the history table: a step applied or reverted, a stamp, or a non-transactional step
 * that started. Flyway's {@code AppliedMigration} is the model.
 *
 * @param revision the revision id; {@code base} for a stamp of base
 * @param action what was done
 * @param checksum the revision's checksum at the time, empty when unknown
 * @param transactional whether it ran in a transaction with its version rows
 * @param outcome whether it succeeded, failed or has not finished
 * @param durationMillis how long it took; 0 while it runs
 * @param appliedBy the database user, else the operating-system user
 * @param error what failed, or {@code null}
 * @param startedAt when it started, as the database stored it; {@code null} in an entry not yet
 *     recorded, since the database's clock sets it
 */
public record HistoryEntry(
    String revision,
    Action action,
    String checksum,
    boolean transactional,
    Outcome outcome,
    long durationMillis,
    String appliedBy,
    String error,
    String startedAt) {

  /** Checks the fields the table requires. */
  public HistoryEntry {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The start of {@code step}, recorded before its body runs; finished later. */
  public static HistoryEntry started(Step step, String appliedBy) {
    return finished(step, Outcome.RUNNING, 0, appliedBy, null);
  }

  /** {@code step} as it ended, after {@code durationMillis}; {@code error} says what failed. */
  public static HistoryEntry finished(
      Step step, Outcome outcome, long durationMillis, String appliedBy, String error) {
    RevisionInfo revision = step.revision();
    return new HistoryEntry(
        revision.id(),
        Action.of(step.direction()),
        revision.checksum(),
        revision.transactional(),
        outcome,
        durationMillis,
        appliedBy,
        error,
        null);
  }

  /** A stamp of {@code revision}, whose checksum was then {@code checksum}. */
  public static HistoryEntry stamp(String revision, String checksum, String appliedBy) {
    return new HistoryEntry(
        revision, Action.STAMP, checksum, true, Outcome.SUCCEEDED, 0, appliedBy, null, null);
  }

  /** A repair of {@code revision}: its checksum recorded again as {@code checksum}. */
  public static HistoryEntry repair(String revision, String checksum, String appliedBy) {
    return new HistoryEntry(
        revision, Action.REPAIR, checksum, true, Outcome.SUCCEEDED, 0, appliedBy, null, null);
  }
}
