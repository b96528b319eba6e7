package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Index;

/**
 * "What did this user do lately?": the audit log's main question, indexed; concurrently on
 * PostgreSQL, so that the log keeps taking events while the index builds.
 */
@Revision(
    id = "f3b8e1a6c074",
    revises = "0a7e4c92d5b1",
    transactional = false,
    description = "index audit events by actor and time")
public final class IndexAuditEventsByActor implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.createIndex(
        Index.named("ix_audit_events_actor").on("audit_events", "actor_user_id", "occurred_at"));
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropIndex("ix_audit_events_actor");
  }
}
