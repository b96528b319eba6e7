package dev.retort.sample.boot.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.Type;

@Revision(id = "5c1e07a2d9b3", description = "create books")
public final class CreateBooks implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.createTable(
        "book",
        Column.of("id", Type.integer()).identity(),
        Column.of("title", Type.varchar(200)).notNull(),
        Column.of("author", Type.varchar(200)).notNull());
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropTable("book");
  }
}
