package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** The first table: the people who use the job board. */
@Revision(id = "1a0c", description = "create users")
public final class CreateUsers implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL UNIQUE,"
            + " name VARCHAR(200) NOT NULL)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE users");
  }
}
