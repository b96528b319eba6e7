package dev.retort.boot.app.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

@Revision(id = "b27e01", revises = "a1f3c9", description = "add book.author")
public final class AddAuthor implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE book ADD COLUMN author VARCHAR(200)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE book DROP COLUMN author");
  }
}
