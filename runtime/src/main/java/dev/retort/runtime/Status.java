package dev.retort.runtime;

import dev.retort.runtime.plan.VersionRows;
import java.util.List;

/**
 * The database compared with the registry, as {@code check} reports it.
 *
 * @param current the version rows, sorted
 * @param heads the registry's heads, sorted
 * @param pending revisions of the registry not yet applied, in the order they would run
 * @param drifted applied revisions whose source changed since they were applied, sorted
 * @param incomplete non-transactional revisions that failed or were interrupted, unresolved
 */
public record Status(
    List<String> current,
    List<String> heads,
    List<String> pending,
    List<String> drifted,
    List<String> incomplete) {

  /** The version rows as messages name them: joined by commas, or {@code base} when none. */
  public String describeCurrent() {
    return VersionRows.describe(current);
  }

  /** Whether the database is at the heads with nothing drifted or unresolved. */
  public boolean upToDate() {
    return pending.isEmpty() && drifted.isEmpty() && incomplete.isEmpty();
  }
}
