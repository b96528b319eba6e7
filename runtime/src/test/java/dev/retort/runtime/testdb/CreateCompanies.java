package dev.retort.runtime.testdb;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** Create companies; creates table t_b2. */
@Revision(id = "b2", revises = "a1", description = "create companies")
public final class CreateCompanies implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE t_b2 (id INTEGER PRIMARY KEY)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE t_b2");
  }
}
