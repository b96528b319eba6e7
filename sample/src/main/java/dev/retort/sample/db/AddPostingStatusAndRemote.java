package dev.retort.sample.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

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
    ctx.execute("ALTER TABLE postings ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'open'");
    ctx.execute("ALTER TABLE postings ADD COLUMN remote BOOLEAN NOT NULL DEFAULT FALSE");
    ctx.execute("ALTER TABLE applications ADD COLUMN stage VARCHAR(20) NOT NULL DEFAULT 'applied'");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("ALTER TABLE applications DROP COLUMN stage");
    ctx.execute("ALTER TABLE postings DROP COLUMN remote");
    ctx.execute("ALTER TABLE postings DROP COLUMN status");
  }
}
