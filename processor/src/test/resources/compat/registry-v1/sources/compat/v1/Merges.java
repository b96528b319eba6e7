package compat.v1;

import dev.retort.Irreversible;
import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

public final class Merges {
  private Merges() {}

  @Irreversible("drops the legacy table")
  @Revision(id = "d400", revises = {"b200", "c300"}, description = "merge audit and email")
  public static final class Merge implements Migration {
    @Override
    public void upgrade(MigrationContext ctx) throws Exception {
      ctx.execute("DROP TABLE legacy");
    }
  }
}
