package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/**
 * The other branch from the postings index, written at the same time as {@link AddCompanySlugs}:
 * both revise the same revision, so the graph has two heads until {@link MergeSlugsAndSalaryRange}
 * joins them.
 */
@Revision(
    id = "a03e6c58f1d2",
    revises = "b7d2e9a4c613",
    description = "add the salary range to postings")
public final class AddSalaryRange implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE postings ADD COLUMN salary_min INTEGER");
    ctx.execute("ALTER TABLE postings ADD COLUMN salary_max INTEGER");
    ctx.execute("ALTER TABLE postings ADD COLUMN salary_currency CHAR(3) NOT NULL DEFAULT 'EUR'");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE postings DROP COLUMN salary_currency");
    ctx.execute("ALTER TABLE postings DROP COLUMN salary_max");
    ctx.execute("ALTER TABLE postings DROP COLUMN salary_min");
  }
}
