package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.Default;
import dev.retort.schema.Index;
import dev.retort.schema.Type;

/**
 * The base of the job board: people, the companies that hire, their postings and the applications
 * to them. The {@code app} label names this line of the schema, so that it and the independent
 * {@code audit} line can each be upgraded on their own ({@code upgrade app@head}).
 */
@Revision(
    id = "3c9a1f7e2b04",
    branchLabels = "app",
    description = "create users, companies, postings and applications")
public final class CreateJobBoardTables implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.createTable(
        "users",
        Column.of("id", Type.bigint()).identity(),
        Column.of("email", Type.varchar(320)).notNull().unique(),
        Column.of("name", Type.varchar(200)).notNull(),
        createdAt());
    ctx.createTable(
        "companies",
        Column.of("id", Type.bigint()).identity(),
        Column.of("name", Type.varchar(200)).notNull(),
        Column.of("website", Type.varchar(500)),
        createdAt());
    ctx.createTable(
        "postings",
        Column.of("id", Type.bigint()).identity(),
        Column.of("company_id", Type.bigint()).notNull().references("companies", "id"),
        Column.of("title", Type.varchar(200)).notNull(),
        Column.of("body", Type.text()).notNull(),
        createdAt());
    ctx.createTable(
        "applications",
        Column.of("id", Type.bigint()).identity(),
        Column.of("posting_id", Type.bigint()).notNull().references("postings", "id"),
        Column.of("user_id", Type.bigint()).notNull().references("users", "id"),
        Column.of("cover_letter", Type.text()),
        createdAt());
    // One application per user and posting; a unique index is the same on both databases.
    ctx.createIndex(
        Index.named("ux_applications_posting_user")
            .on("applications", "posting_id", "user_id")
            .unique());
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropTable("applications");
    ctx.dropTable("postings");
    ctx.dropTable("companies");
    ctx.dropTable("users");
  }

  /** When the row was written: every table of the job board keeps it. */
  private static Column createdAt() {
    return Column.of("created_at", Type.timestamptz()).notNull().serverDefault(Default.now());
  }
}
