package dev.retort.examples.app.db;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/**
 * Needs the library's audit log with its actor column: it depends on the library's head, a revision
 * of another module that the processor checks at compile time through the library's jar.
 */
@Revision(
    id = "app7a8b",
    revises = "app5e6f",
    dependsOn = "lib3c4d",
    description = "record order changes in the audit log")
public final class AuditOrders implements Migration {
  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute(
        "CREATE TRIGGER audit_orders AFTER UPDATE ON orders BEGIN"
            + " INSERT INTO audit_log (event, actor) VALUES ('order ' || NEW.id, 'app'); END");
  }

  @Override
  public void downgrade(MigrationContext ctx) throws Exception {
    ctx.execute("DROP TRIGGER audit_orders");
  }
}
