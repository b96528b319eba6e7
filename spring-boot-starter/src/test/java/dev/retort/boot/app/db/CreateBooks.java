package dev.retort.boot.app.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

@Revision(id = "a1f3c9", description = "create books")
public final class CreateBooks implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE book (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL)");
    ctx.execute("INSERT INTO book (id, title) VALUES (1, 'Middlemarch')");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE book");
  }
}
