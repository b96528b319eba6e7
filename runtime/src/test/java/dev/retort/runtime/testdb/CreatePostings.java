package dev.retort.runtime.testdb;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** Create postings; creates table t_c3. */
@Revision(id = "c3", revises = "b2", description = "create postings")
public final class CreatePostings implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE t_c3 (id INTEGER PRIMARY KEY)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE t_c3");
  }
}
