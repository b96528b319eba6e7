package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.Default;
import dev.retort.schema.Type;

/**
 * The base of an independent line of the schema, labelled {@code audit}: it does not follow the job
 * board's revisions, so it has its own base and its own head. Each head carries its own label
 * ({@code app}, {@code audit}), which tells the processor the two heads are intended. Its events
 * point at users, so it depends on the revision that creates them.
 */
@Revision(
    id = "0a7e4c92d5b1",
    branchLabels = "audit",
    dependsOn = "3c9a1f7e2b04",
    description = "create the audit log")
public final class CreateAuditLog implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.createTable(
        "audit_events",
        Column.of("id", Type.bigint()).identity(),
        Column.of("actor_user_id", Type.bigint()).references("users", "id"),
        Column.of("action", Type.varchar(100)).notNull(),
        Column.of("subject", Type.varchar(200)),
        Column.of("occurred_at", Type.timestamptz()).notNull().serverDefault(Default.now()));
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropTable("audit_events");
  }
}
