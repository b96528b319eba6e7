package dev.retort.runtime.testdb;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** Create audit log; creates table t_f6. */
@Revision(id = "f6", branchLabels = "audit", description = "create audit log")
public final class CreateAuditLog implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE t_f6 (id INTEGER PRIMARY KEY)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE t_f6");
  }
}
