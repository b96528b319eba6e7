package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration that ends the transaction Retort runs it in (commits, rolls back, or turns on
 * auto-commit) is refused with a message that says what it did, and the report tells the truth
 * about the database: what the migration committed stays committed and is said to be, the version
 * table is not moved, and every later run stops until someone inspects the database and stamps the
 * result. A migration that only rolled its own work back is an ordinary, rolled-back failure.
 */
class CommittingMigrationTest {

  /** Commits through the connection on PostgreSQL; SQLite's driver allows it only in SQL. */
  private static final String COMMIT =
      "if (ctx.dialect().equals(\"sqlite\")) ctx.execute(\"COMMIT\");"
          + " else ctx.connection().commit();";

  private static final String REFUSED =
      ". Retort did not record it as applied, and every run refuses to continue until this is"
          + " resolved: remove the commit, rollback or auto-commit change from the revision"
          + " (Retort commits each revision together with its version row), inspect the"
          + " database, complete or undo the revision's changes by hand, and record the result"
          + " with 'stamp b' (done) or 'stamp a' (undone)";

  @TempDir Path dir;

  private static String insert(int id) {
    return " ctx.execute(\"INSERT INTO t_a (id) VALUES (" + id + ")\");";
  }

  /** Upgrades to a, then fails to upgrade b, whose body is {@code body}, through a pool. */
  private RetortException failB(String url, HikariDataSource pool, String body) {
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir, List.of(table("a"), table("b", "a").withUpgrade(body))))
            .dataSource(pool, "test")
            .build();
    retort.upgrade("a");
    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));
    assertEquals(List.of("a"), retort.current(), "the version table is not moved");
    return e;
  }

  private static String committed(TestDatabase db) {
    return db == TestDatabase.POSTGRESQL
        ? "upgrade of revision 'b' (it.generated.Revision1) ended the transaction Retort runs it in"
            + " (a commit or a rollback), so what it did is committed"
        : "upgrade of revision 'b' (it.generated.Revision1) ended the transaction Retort runs it in"
            + " (with COMMIT, END or ROLLBACK, or through the connection), so what it did may be"
            + " committed";
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMigrationThatCommitsIsRefusedAndTheCommittedWorkReported(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    try (HikariDataSource pool = OneConnectionPool.of(url)) {
      RetortException e = failB(url, pool, insert(1) + " " + COMMIT + insert(2));

      assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
      assertEquals(
          committed(db) + " while the version table still says a" + REFUSED, e.getMessage());
      // SQLite runs what follows a COMMIT in auto-commit; PostgreSQL in a new transaction, which
      // Retort rolled back.
      assertEquals(
          db == TestDatabase.POSTGRESQL ? List.of("1") : List.of("1", "2"),
          TestDatabase.column(url, "SELECT id FROM t_a ORDER BY id"));
      assertEquals(List.of("a up true", "b up false"), DbState.history(url));
      assertClean(pool);

      Retort again =
          Retort.builder(
                  RegistryCompiler.compile(
                      dir.resolve("again"), List.of(table("a"), table("b", "a"))))
              .dataSource(pool, "test")
              .build();
      RetortException blocked = assertThrows(RetortException.class, again::upgradeOnStartup);
      assertEquals(ErrorCode.INCOMPLETE_REVISION, blocked.code());
      assertTrue(
          blocked.getMessage().contains(", failed: the revision ended the transaction Retort runs"),
          blocked.getMessage());
      assertTrue(
          blocked.getMessage().contains("'stamp b' (done) or 'stamp a' (undone)"),
          blocked.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMigrationThatCommitsAndThenFailsIsReportedAsCommitted(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    try (HikariDataSource pool = OneConnectionPool.of(url)) {
      RetortException e =
          failB(
              url,
              pool,
              insert(1) + " " + COMMIT + " ctx.execute(\"INSERT INTO nowhere VALUES (2)\");");

      assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
      assertTrue(
          e.getMessage()
              .startsWith(
                  // PostgreSQL cannot query a failed transaction, but tells that the first one
                  // committed once Retort rolled the failed one back.
                  (db == TestDatabase.POSTGRESQL
                          ? "upgrade of revision 'b' (it.generated.Revision1) committed the"
                              + " transaction Retort runs it in, so what it did is committed"
                          : committed(db))
                      + " while the version table still says a; it then failed. Failing SQL:"
                      + " INSERT INTO nowhere VALUES (2). Cause: "),
          e.getMessage());
      assertTrue(e.getMessage().endsWith(REFUSED), e.getMessage());
      assertEquals(List.of("1"), TestDatabase.column(url, "SELECT id FROM t_a"));
      assertClean(pool);
    }
  }

  @Test
  void aMigrationThatTurnsOnAutoCommitIsRefused() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    try (HikariDataSource pool = OneConnectionPool.of(url)) {
      RetortException e =
          failB(url, pool, insert(1) + " ctx.connection().setAutoCommit(true);" + insert(2));

      assertEquals(
          "upgrade of revision 'b' (it.generated.Revision1) turned on auto-commit, which committed"
              + " the transaction Retort runs it in, so what it did is committed while the version"
              + " table still says a"
              + REFUSED,
          e.getMessage());
      assertEquals(List.of("1", "2"), TestDatabase.column(url, "SELECT id FROM t_a ORDER BY id"));
      assertClean(pool);
    }
  }

  @Test
  void aMigrationThatRollsBackItsOwnWorkIsAnOrdinaryFailure() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    try (HikariDataSource pool = OneConnectionPool.of(url)) {
      RetortException e = failB(url, pool, insert(1) + " ctx.connection().rollback();" + insert(2));

      assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
      assertEquals(
          "upgrade of revision 'b' (it.generated.Revision1) failed and was rolled back; the"
              + " database is still at a. Cause: the revision ended the transaction Retort runs it"
              + " in (a commit or a rollback). Fix the revision and run the command again",
          e.getMessage());
      assertEquals(List.of(), TestDatabase.column(url, "SELECT id FROM t_a"), "nothing kept");
      assertEquals(List.of("a up true", "b up false"), DbState.history(url));
      assertClean(pool);
    }
  }

  /** The pool's connection is in auto-commit, outside any transaction. */
  private static void assertClean(HikariDataSource pool) throws Exception {
    try (Connection c = pool.getConnection()) {
      assertTrue(c.getAutoCommit());
      // Fails inside a transaction on either database.
      c.createStatement().execute("BEGIN");
      c.createStatement().execute("ROLLBACK");
    }
  }
}
