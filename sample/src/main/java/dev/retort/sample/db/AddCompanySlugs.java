package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.Type;

/**
 * A data migration, on one of two branches that grew in parallel from the postings index: add a URL
 * slug to every company, fill it for the companies that exist, then make it unique. The column and the
 * index are schema operations; the backfill is portable SQL through {@code ctx.execute}, so {@code
 * upgrade --sql} prints it too.
 */
@Revision(
    id = "4f8c3b1d9e27",
    revises = "b7d2e9a4c613",
    description = "add companies.slug and fill it from the name")
public final class AddCompanySlugs implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.addColumn("companies", Column.of("slug", Type.varchar(220)));
    // "Acme Corp" with id 7 becomes "acme-corp-7": readable, and unique thanks to the id.
    ctx.execute("UPDATE companies SET slug = lower(replace(trim(name), ' ', '-')) || '-' || id");
    ctx.createIndex(Index.named("ux_companies_slug").on("companies", "slug").unique());
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropIndex("ux_companies_slug");
    ctx.dropColumn("companies", "slug");
  }
}
