package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Index;

/**
 * An index on a busy table, built without blocking writes.
 *
 * <p>On PostgreSQL, {@code CREATE INDEX CONCURRENTLY} lets inserts continue while the index builds,
 * but it refuses to run inside a transaction block; hence {@code transactional = false}, which is
 * what makes {@code ctx.createIndex} and {@code ctx.dropIndex} build and drop it concurrently.
 * Retort records the start of such a revision first, so a crash halfway is reported on the next run
 * instead of being mistaken for success (an interrupted concurrent build leaves an INVALID index
 * behind: drop it and run again).
 *
 * <p>SQLite has no {@code CONCURRENTLY}, and any write locks its whole file anyway, so there the
 * same operation is a plain {@code CREATE INDEX}, also in offline {@code --sql} mode, where the
 * dialect is that of the URL given.
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
    ctx.createIndex(Index.named(INDEX).on("applications", "posting_id", "stage"));
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropIndex(INDEX);
  }
}
