package dev.retort.examples.app.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/** The application's first table, on a labelled line beside the library's. */
@Revision(id = "app5e6f", branchLabels = "orders", description = "create orders")
public final class CreateOrders implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL)");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TABLE orders");
  }
}
