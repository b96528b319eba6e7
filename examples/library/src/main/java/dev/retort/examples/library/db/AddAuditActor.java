package dev.retort.examples.library.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** The head of the library's line, which the application's revisions depend on. */
@Revision(id = "lib3c4d", revises = "lib1a2b", description = "add audit_log.actor")
public final class AddAuditActor implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE audit_log ADD COLUMN actor VARCHAR(100)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE audit_log DROP COLUMN actor");
  }
}
