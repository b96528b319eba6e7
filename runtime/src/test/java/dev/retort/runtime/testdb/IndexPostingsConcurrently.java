package dev.retort.runtime.testdb;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** Index postings outside a transaction; creates table t_i9. */
@Revision(
    id = "i9",
    revises = "e5",
    transactional = false,
    description = "index postings outside a transaction")
public final class IndexPostingsConcurrently implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE t_i9 (id INTEGER PRIMARY KEY)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE t_i9");
  }
}
