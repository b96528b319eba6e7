package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** Companies that post jobs. */
@Revision(id = "2b7e", revises = "1a0c", description = "create companies")
public final class CreateCompanies implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE companies (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE companies");
  }
}
