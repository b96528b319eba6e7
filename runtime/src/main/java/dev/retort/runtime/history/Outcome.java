package dev.retort.runtime.history;

/**
 * How a history entry ended. The history table stores it in the nullable {@code success} column:
 * {@code NULL} while a non-transactional step runs, so that a process that dies during it leaves an
 * entry that says so.
 */
public enum Outcome {
  /** Started and not finished: still running, or interrupted. */
  RUNNING,
  /** Finished and committed. */
  SUCCEEDED,
  /** Failed; a transactional step was rolled back. */
  FAILED;

  /** The outcome stored as {@code success}, {@code null} meaning running. */
  static Outcome stored(Boolean success) {
    if (success == null) return RUNNING;
    return success ? SUCCEEDED : FAILED;
  }

  /** The value of the {@code success} column, {@code null} while running. */
  Boolean success() {
    return this == RUNNING ? null : this == SUCCEEDED;
  }
}
