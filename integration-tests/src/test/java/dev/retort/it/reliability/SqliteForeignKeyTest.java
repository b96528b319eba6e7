package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a SQLite connection that enforces foreign keys ({@code foreign_keys=true}, common in pools), a
 * revision that rebuilds a parent table the way SQLite's manual says (create the new table, copy,
 * drop the old one, rename) keeps every child row, and a rebuild that loses parent rows fails with
 * the tables named, rolled back. Either way the pool's connection enforces foreign keys again
 * afterwards.
 */
class SqliteForeignKeyTest {

  /**
   * a: a parent with two child tables, whose rows a delete of their parent row deletes (ON DELETE
   * CASCADE) or unlinks (ON DELETE SET NULL): what a DROP TABLE of the parent does to them silently
   * when foreign keys are enforced.
   */
  private static final RevisionSpec PARENT_AND_CHILDREN =
      table("a")
          .withUpgrade(
              "ctx.execute(\"CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)\");"
                  + " ctx.execute(\"CREATE TABLE cascading (id INTEGER PRIMARY KEY, parent_id"
                  + " INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE)\");"
                  + " ctx.execute(\"CREATE TABLE nulling (id INTEGER PRIMARY KEY, parent_id INTEGER"
                  + " REFERENCES parent (id) ON DELETE SET NULL)\");"
                  + " ctx.execute(\"INSERT INTO parent (id, name) VALUES (1, 'one'), (2, 'two')\");"
                  + " ctx.execute(\"INSERT INTO cascading (id, parent_id) VALUES (1, 1), (2, 1),"
                  + " (3, 2)\");"
                  + " ctx.execute(\"INSERT INTO nulling (id, parent_id) VALUES (1, 2)\");");

  @TempDir Path dir;

  /** b: rebuilds parent with a new column, copying the rows WHERE {@code keep} holds. */
  private static RevisionSpec rebuild(String keep) {
    return table("b", "a")
        .withUpgrade(
            "ctx.execute(\"CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                + " note TEXT)\");"
                + " ctx.execute(\"INSERT INTO parent_new (id, name) SELECT id, name FROM parent"
                + " WHERE "
                + keep
                + "\");"
                + " ctx.execute(\"DROP TABLE parent\");"
                + " ctx.execute(\"ALTER TABLE parent_new RENAME TO parent\");");
  }

  private static String url(Path dir) throws Exception {
    return TestDatabase.SQLITE.freshUrl(dir) + "&foreign_keys=true";
  }

  @Test
  void aTableRebuildKeepsTheChildRows() throws Exception {
    String url = url(dir);
    try (HikariDataSource pool = OneConnectionPool.of(url)) {
      Retort retort =
          Retort.builder(RegistryCompiler.compile(dir, List.of(PARENT_AND_CHILDREN, rebuild("1"))))
              .dataSource(pool, "test")
              .build();

      assertEquals(List.of("a", "b"), retort.upgrade("heads").revisions());

      assertEquals(
          List.of("1", "2", "3"), TestDatabase.column(url, "SELECT id FROM cascading ORDER BY id"));
      assertEquals(List.of("2"), TestDatabase.column(url, "SELECT parent_id FROM nulling"));
      assertEquals(
          List.of("1", "2"), TestDatabase.column(url, "SELECT id FROM parent ORDER BY id"));
      assertEquals(List.of(), TestDatabase.column(url, "PRAGMA foreign_key_check"));
      assertEnforced(pool);
    }
  }

  @Test
  void aRebuildThatLosesParentRowsFailsNamingTheTablesAndIsRolledBack() throws Exception {
    String url = url(dir);
    try (HikariDataSource pool = OneConnectionPool.of(url)) {
      Retort retort =
          Retort.builder(
                  RegistryCompiler.compile(dir, List.of(PARENT_AND_CHILDREN, rebuild("id = 1"))))
              .dataSource(pool, "test")
              .build();
      retort.upgrade("a");

      RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

      assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
      assertEquals(
          "upgrade of revision 'b' (it.generated.Revision1) failed and was rolled back; the"
              + " database is still at a. Cause: java.sql.SQLException: foreign key check failed"
              + " (this connection enforces foreign keys, so Retort checks them before it"
              + " commits): 1 row of table cascading refers to no row of parent; 1 row of table"
              + " nulling refers to no row of parent. Fix the revision and run the command again",
          e.getMessage());
      assertEquals(List.of("a"), retort.current());
      assertEquals(
          List.of("1", "2"), TestDatabase.column(url, "SELECT id FROM parent ORDER BY id"));
      assertEquals(
          List.of(),
          TestDatabase.column(
              url, "SELECT name FROM pragma_table_info" + "('parent') WHERE name = 'note'"));
      assertEquals(List.of("a up true", "b up false"), DbState.history(url));
      assertEnforced(pool);
    }
  }

  private static void assertEnforced(HikariDataSource pool) throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
      rs.next();
      assertEquals(1, rs.getInt(1), "the pool's connection enforces foreign keys again");
    }
  }
}
