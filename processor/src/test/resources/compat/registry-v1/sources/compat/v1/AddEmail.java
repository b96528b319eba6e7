package compat.v1;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

@Revision(id = "c300", revises = "a100", dependsOn = "b200")
public final class AddEmail implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE accounts ADD COLUMN email TEXT");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE accounts DROP COLUMN email");
  }
}
