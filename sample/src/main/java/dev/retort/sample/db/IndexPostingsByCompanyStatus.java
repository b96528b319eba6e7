package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Index;

/**
 * The company page lists a company's open postings: index what that query filters on. Postings
 * already hold rows, so the revision runs outside a transaction and PostgreSQL builds the index
 * concurrently, as {@link IndexApplicationsConcurrently} explains.
 */
@Revision(
    id = "b7d2e9a4c613",
    revises = "8e41b0d27c95",
    transactional = false,
    description = "index postings by company and status")
public final class IndexPostingsByCompanyStatus implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.createIndex(
        Index.named("ix_postings_company_status").on("postings", "company_id", "status"));
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropIndex("ix_postings_company_status");
  }
}
