package dev.retort.runtime.testdb;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** Merge postings and index; creates table t_e5. */
@Revision(
    id = "e5",
    revises = {"c3", "d4"},
    description = "merge postings and index")
public final class MergePostingsAndIndex implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE t_e5 (id INTEGER PRIMARY KEY)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE t_e5");
  }
}
