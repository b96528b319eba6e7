package dev.retort.runtime.testdb;

import dev.retort.Irreversible;
import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** Seal the audit log; creates table t_h8. */
@Irreversible("the audit log is append-only")
@Revision(id = "h8", revises = "g7", description = "seal the audit log")
public final class SealAuditLog implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE t_h8 (id INTEGER PRIMARY KEY)");
  }
}
