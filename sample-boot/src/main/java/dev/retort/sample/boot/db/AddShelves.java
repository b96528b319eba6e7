package dev.retort.sample.boot.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.Default;
import dev.retort.schema.Index;
import dev.retort.schema.Type;

/**
 * Outside a transaction, so that PostgreSQL builds the index on a table that holds rows
 * concurrently, without blocking writes; each statement commits on its own.
 */
@Revision(
    id = "9a4f2b61c8e0",
    revises = "5c1e07a2d9b3",
    description = "shelve books",
    transactional = false)
public final class AddShelves implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.addColumn(
        "book",
        Column.of("shelf", Type.varchar(100)).notNull().serverDefault(Default.value("unsorted")));
    ctx.createIndex(Index.named("book_shelf").on("book", "shelf"));
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropIndex("book_shelf");
    ctx.dropColumn("book", "shelf");
  }
}
