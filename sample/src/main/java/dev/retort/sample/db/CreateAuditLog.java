package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

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
    ctx.execute(
        "CREATE TABLE audit_events ("
            + Columns.id(ctx)
            + ", actor_user_id BIGINT REFERENCES users (id)"
            + ", action VARCHAR(100) NOT NULL"
            + ", subject VARCHAR(200)"
            + ", occurred_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE audit_events");
  }
}
