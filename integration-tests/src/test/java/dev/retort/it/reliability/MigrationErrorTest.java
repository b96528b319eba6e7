package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration that throws an {@link Error} (a real stack overflow, a real out-of-memory error from
 * the JVM, an assertion) is rolled back, recorded and reported on one line like any failure, and
 * the connection goes back to the application's pool (HikariCP, one connection) clean: not inside a
 * transaction, its uncommitted rows gone, no write lock held.
 */
class MigrationErrorTest {

  private static final String INSERT = "ctx.execute(\"INSERT INTO t_a (id) VALUES (1)\"); ";

  /** Revisions that revise a, each failing its own way after a write. */
  private static final List<RevisionSpec> GRAPH =
      List.of(
          table("a"),
          table("so1", "a")
              .labelled("deep")
              .withUpgrade(
                  INSERT
                      + "new Object() { int deeper(int n) { return deeper(n + 1) + 1; } }"
                      + ".deeper(0);"),
          table("oom1", "a")
              .labelled("big")
              .withUpgrade(INSERT + "long[] hog = new long[Integer.MAX_VALUE]; hog[0] = 1;"),
          table("ae1", "a")
              .labelled("broken")
              .withUpgrade(INSERT + "throw new AssertionError(\"an invariant does not hold\");"));

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anErrorThrownByAMigrationIsRolledBackRecordedAndReported(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    try (HikariDataSource pool = OneConnectionPool.of(url)) {
      Retort retort =
          Retort.builder(RegistryCompiler.compile(dir, GRAPH)).dataSource(pool, "test").build();
      retort.upgrade("a");

      expectFailure(
          db,
          url,
          pool,
          retort,
          "so1",
          1,
          "java.lang.StackOverflowError. Fix the revision, or give threads more stack (-Xss), and"
              + " run the command again");
      expectFailure(
          db,
          url,
          pool,
          retort,
          "oom1",
          2,
          "java.lang.OutOfMemoryError: Requested array size exceeds VM limit. Fix the revision, or"
              + " give the JVM more memory (-Xmx), and run the command again");
      expectFailure(
          db,
          url,
          pool,
          retort,
          "ae1",
          3,
          "java.lang.AssertionError: an invariant does not hold. Fix the revision and run the"
              + " command again");

      assertEquals(
          List.of("a up true", "so1 up false", "oom1 up false", "ae1 up false"),
          DbState.history(url));
      assertEquals(
          List.of(
              "java.lang.StackOverflowError",
              "Requested array size exceeds VM limit",
              "an invariant does not hold"),
          TestDatabase.column(
              url, "SELECT error FROM retort_version_history WHERE success = false ORDER BY id"));
    }
  }

  private static void expectFailure(
      TestDatabase db,
      String url,
      HikariDataSource pool,
      Retort retort,
      String revision,
      int index,
      String cause)
      throws Exception {
    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade(revision));

    assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
    assertEquals(
        "upgrade of revision '"
            + revision
            + "' (it.generated.Revision"
            + index
            + ") failed and was rolled back; the database is still at a. Cause: "
            + cause,
        e.getMessage());
    assertEquals(List.of("a"), retort.current());
    try (Connection next = pool.getConnection();
        Statement s = next.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM t_a")) {
      assertTrue(next.getAutoCommit());
      rs.next();
      assertEquals(0, rs.getInt(1), "the next user of the pool sees no uncommitted row");
    }
    assertTrue(DbState.lockFree(db, url, 1_000), "a fresh connection may write at once");
    assertFalse(e.getMessage().contains("\n"));
  }
}
