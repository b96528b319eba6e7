package dev.retort.runtime.plan;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.RevisionInfo;
import java.util.List;

/**
 * One revision applied or reverted, with the version rows before and after it.
 *
 * @param revision the revision
 * @param direction up or down
 * @param rowsBefore the version rows the step expects to find, sorted
 * @param rowsAfter the version rows it leaves, sorted
 */
public record Step(
    RevisionInfo revision, Direction direction, List<String> rowsBefore, List<String> rowsAfter) {

  /** Runs the revision's migration in {@code context}: its upgrade or its downgrade. */
  public void runMigration(MigrationContext context) throws Exception {
    Migration migration = revision.newMigration();
    if (direction == Direction.UP) {
      migration.upgrade(context);
    } else {
      migration.downgrade(context);
    }
  }
}
