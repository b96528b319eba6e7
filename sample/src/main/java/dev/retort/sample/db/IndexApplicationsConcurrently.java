package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/**
 * An index on a busy table, built without blocking writes.
 *
 * <p>On PostgreSQL, {@code CREATE INDEX CONCURRENTLY} lets inserts continue while the index builds,
 * but it refuses to run inside a transaction block; hence {@code transactional = false}. Retort
 * records the start of such a revision first, so a crash halfway is reported on the next run
 * instead of being mistaken for success (an interrupted concurrent build leaves an INVALID index
 * behind; {@code IF NOT EXISTS} does not replace it, so drop it and run again).
 *
 * <p>SQLite has no {@code CONCURRENTLY}, and any write locks its whole file anyway, so there the
 * same index is a plain {@code CREATE INDEX}. {@code ctx.dialect()} chooses, also in offline {@code
 * --sql} mode, where it is the dialect of the URL given.
 */
@Revision(
    id = "5d0f2a8b7e19",
    revises = "91c5d3f8a2e7",
    transactional = false,
    description = "index applications by posting and stage, concurrently on PostgreSQL")
public final class IndexApplicationsConcurrently implements Migration {

  private static final String INDEX = "ix_applications_posting_stage";

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    String concurrently = postgres(ctx) ? "CONCURRENTLY " : "";
    ctx.execute(
        "CREATE INDEX "
            + concurrently
            + "IF NOT EXISTS "
            + INDEX
            + " ON applications (posting_id, stage)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP INDEX " + (postgres(ctx) ? "CONCURRENTLY " : "") + "IF EXISTS " + INDEX);
  }

  private static boolean postgres(MigrationContext ctx) {
    return ctx.dialect().equals("postgresql");
  }
}
