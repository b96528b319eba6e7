package dev.retort.sample.boot.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

@Revision(id = "9a4f2b61c8e0", revises = "5c1e07a2d9b3", description = "shelve books")
public final class AddShelves implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE book ADD COLUMN shelf VARCHAR(100) NOT NULL DEFAULT 'unsorted'");
    ctx.execute("CREATE INDEX book_shelf ON book (shelf)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP INDEX book_shelf");
    ctx.execute("ALTER TABLE book DROP COLUMN shelf");
  }
}
