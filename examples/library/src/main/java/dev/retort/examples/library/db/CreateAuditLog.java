package dev.retort.examples.library.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** The library's first table: its own line of revisions, labelled so that it may stay apart. */
@Revision(id = "lib1a2b", branchLabels = "audit", description = "create the audit log")
public final class CreateAuditLog implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, event VARCHAR(200) NOT NULL)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE audit_log");
  }
}
