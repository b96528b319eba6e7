package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/**
 * Joins the two branches again, as {@code merge -m "merge slugs and salary range"} wrote it. The
 * branches touch different tables, so the merge itself has nothing to do.
 */
@Revision(
    id = "e6b19d7a2c40",
    revises = {"4f8c3b1d9e27", "a03e6c58f1d2"},
    description = "merge slugs and salary range")
public final class MergeSlugsAndSalaryRange implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) {
    // A merge needs no statements.
  }

  @Override
  public void downgrade(MigrationContext ctx) {
    // Nothing to undo.
  }
}
