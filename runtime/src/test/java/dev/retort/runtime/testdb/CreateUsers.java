package dev.retort.runtime.testdb;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** Create users; creates table t_a1. */
@Revision(id = "a1", branchLabels = "app", description = "create users")
public final class CreateUsers implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE t_a1 (id INTEGER PRIMARY KEY)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE t_a1");
  }
}
