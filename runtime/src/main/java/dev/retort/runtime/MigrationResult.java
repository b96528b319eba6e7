package dev.retort.runtime;

import java.time.Duration;
import java.util.List;

/**
 * What an upgrade, downgrade or stamp did.
 *
 * @param before the version rows before, sorted
 * @param after the version rows after, sorted
 * @param revisions the revisions applied or reverted, in the order they ran
 * @param elapsed how long the command took
 */
public record MigrationResult(
    List<String> before, List<String> after, List<String> revisions, Duration elapsed) {

  /** Whether the command changed nothing. */
  public boolean nothingToDo() {
    return revisions.isEmpty() && before.equals(after);
  }
}
