package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.Default;
import dev.retort.schema.Type;

/**
 * New columns with server defaults: rows that already exist get the default, so the columns can be
 * NOT NULL from the start, and code that does not know them yet keeps inserting.
 */
@Revision(
    id = "8e41b0d27c95",
    revises = "3c9a1f7e2b04",
    description = "add postings.status, postings.remote and applications.stage")
public final class AddPostingStatusAndRemote implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.addColumn(
        "postings",
        Column.of("status", Type.varchar(20)).notNull().serverDefault(Default.value("open")));
    ctx.addColumn(
        "postings", Column.of("remote", Type.bool()).notNull().serverDefault(Default.value(false)));
    ctx.addColumn(
        "applications",
        Column.of("stage", Type.varchar(20)).notNull().serverDefault(Default.value("applied")));
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.dropColumn("applications", "stage");
    ctx.dropColumn("postings", "remote");
    ctx.dropColumn("postings", "status");
  }
}
