package compat.v1;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

@Revision(id = "a100", description = "create accounts")
public final class CreateAccounts implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE accounts");
  }
}
