package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

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
    ctx.execute(
        "CREATE TABLE users ("
            + Columns.id(ctx)
            + ", email VARCHAR(320) NOT NULL UNIQUE"
            + ", name VARCHAR(200) NOT NULL"
            + ", created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
    ctx.execute(
        "CREATE TABLE companies ("
            + Columns.id(ctx)
            + ", name VARCHAR(200) NOT NULL"
            + ", website VARCHAR(500)"
            + ", created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
    ctx.execute(
        "CREATE TABLE postings ("
            + Columns.id(ctx)
            + ", company_id BIGINT NOT NULL REFERENCES companies (id)"
            + ", title VARCHAR(200) NOT NULL"
            + ", body TEXT NOT NULL"
            + ", created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
    ctx.execute(
        "CREATE TABLE applications ("
            + Columns.id(ctx)
            + ", posting_id BIGINT NOT NULL REFERENCES postings (id)"
            + ", user_id BIGINT NOT NULL REFERENCES users (id)"
            + ", cover_letter TEXT"
            + ", created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
            + ", UNIQUE (posting_id, user_id))");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE applications");
    ctx.execute("DROP TABLE postings");
    ctx.execute("DROP TABLE companies");
    ctx.execute("DROP TABLE users");
  }
}
