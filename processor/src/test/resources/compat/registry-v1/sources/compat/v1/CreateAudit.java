package compat.v1;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

@Revision(
    id = "b200",
    revises = "a100",
    branchLabels = {"audit", "log"},
    description = "audit log, indexed \"concurrently\"",
    transactional = false)
public final class CreateAudit implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE audit (id INTEGER PRIMARY KEY)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE audit");
  }
}
