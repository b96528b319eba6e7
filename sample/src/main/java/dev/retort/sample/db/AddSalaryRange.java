package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.Default;
import dev.retort.schema.Type;

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
    ctx.addColumn("postings", Column.of("salary_min", Type.integer()));
    ctx.addColumn("postings", Column.of("salary_max", Type.integer()));
    ctx.addColumn(
        "postings",
        Column.of("salary_currency", Type.varchar(3)).notNull().serverDefault(Default.value("EUR")));
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropColumn("postings", "salary_currency");
    ctx.dropColumn("postings", "salary_max");
    ctx.dropColumn("postings", "salary_min");
  }
}
