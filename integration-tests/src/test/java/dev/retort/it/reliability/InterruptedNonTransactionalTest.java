package dev.retort.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A non-transactional revision killed (SIGKILL) in the middle of its body: its start is on record,
 * so the next run refuses to go on, says how to resolve it, and skips nothing; both resolutions
 * (finish it by hand and stamp it, or undo it by hand and stamp its parent) then complete the
 * upgrade.
 */
class InterruptedNonTransactionalTest {

  @TempDir Path dir;

  /** n00 <- n01 (non-transactional, stalls while the file 'stall' exists) <- n02. */
  private MigrationRegistry registry() {
    return RegistryCompiler.compile(
        dir, List.of(RevisionSpec.table("n00"), stallingN01(), RevisionSpec.table("n02", "n01")));
  }

  /**
   * n01, which revises n00, runs outside a transaction and stalls while the file 'stall' exists.
   */
  private RevisionSpec stallingN01() {
    Path stall = dir.resolve("stall");
    String stallWhile =
        "while (java.nio.file.Files.exists(java.nio.file.Path.of(\""
            + stall.toString().replace("\\", "\\\\")
            + "\"))) Thread.sleep(20);";
    return RevisionSpec.table("n01", "n00")
        .withUpgrade(
            "ctx.execute(\"CREATE TABLE t_n01 (id INTEGER PRIMARY KEY)\");"
                + " System.out.println(\"in n01\"); "
                + stallWhile
                + " ctx.execute(\"INSERT INTO t_n01 (id) VALUES (1)\");")
        .nonTransactional();
  }

  /** Starts a child that upgrades {@code url} and kills it inside n01's body. */
  private void killInsideN01(TestDatabase db, String url) throws Exception {
    Files.createFile(dir.resolve("stall"));
    ChildJvm child = ChildJvm.start(dir.resolve("classes"), url, null, dir, "child");
    assertTrue(child.awaitLine("in n01", 60_000), () -> child.describe());
    child.kill();
    Files.delete(dir.resolve("stall"));
    assertTrue(DbState.lockFree(db, url, 10_000), "the dead process's lock is gone");
  }

  /** Kills a child inside n01's body and checks what the next run says and leaves. */
  private Retort killInsideTheNonTransactionalBody(TestDatabase db, String url) throws Exception {
    MigrationRegistry registry = registry();
    killInsideN01(db, url);

    Retort retort = Retort.builder(registry).url(url).build();
    for (int run = 0; run < 2; run++) {
      RetortException e = assertThrows(RetortException.class, retort::upgradeOnStartup);
      assertEquals(ErrorCode.INCOMPLETE_REVISION, e.code());
      assertTrue(
          e.getMessage()
              .matches(
                  "revision 'n01' \\(up, started [^,]+, interrupted\\) ran outside a transaction"
                      + " and did not finish, so its changes may be partly applied; inspect the"
                      + " database and complete or undo them by hand, then record the result with"
                      + " 'stamp n01' \\(done\\) or 'stamp n00' \\(undone\\) and run"
                      + " again"),
          e.getMessage());
      assertEquals(List.of("n00"), retort.current(), "n01 is not recorded as applied");
      assertFalse(TestDatabase.tableExists(url, "t_n02"), "nothing after it ran");
      assertTrue(TestDatabase.tableExists(url, "t_n01"), "its first statement stays");
      assertEquals(List.of(), TestDatabase.column(url, "SELECT id FROM t_n01"));
    }
    assertEquals(List.of("n00 up true", "n01 up null"), DbState.history(url));
    // check takes no lock, so it cannot tell a dead runner from a live one.
    assertEquals(List.of("'n01' (up, unfinished: running or interrupted)"), incomplete(retort));
    return retort;
  }

  private static List<String> incomplete(Retort retort) {
    return retort.check().incomplete().stream()
        .map(s -> s.replaceFirst(" since [^)]+\\)$", ")"))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void finishedByHandAndStampedTheRestIsApplied(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort = killInsideTheNonTransactionalBody(db, url);

    TestDatabase.execute(url, "INSERT INTO t_n01 (id) VALUES (1)");
    retort.stamp("n01", false);

    assertEquals(List.of("n02"), retort.upgradeOnStartup().revisions());
    assertEquals(List.of("n02"), retort.current());
    assertEquals(List.of("1"), TestDatabase.column(url, "SELECT id FROM t_n01"));
    assertEquals(List.of(), incomplete(retort));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void undoneByHandAndStampedBackItRunsAgain(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort = killInsideTheNonTransactionalBody(db, url);

    TestDatabase.execute(url, "DROP TABLE t_n01");
    retort.stamp("n00", false);

    assertEquals(List.of("n01", "n02"), retort.upgradeOnStartup().revisions());
    assertEquals(List.of("n02"), retort.current());
    assertEquals(List.of("1"), TestDatabase.column(url, "SELECT id FROM t_n01"));
    assertEquals(
        List.of(
            "n00 up true",
            "n01 up null",
            "n00 stamp true",
            "n01 stamp true",
            "n01 up true",
            "n02 up true"),
        DbState.history(url));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStampOfAnotherBranchLeavesTheInterruptedRevisionUnresolved(TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    // n00 <- n01 (branch x, interrupted) and n00 <- y01 (branch y)
    MigrationRegistry registry =
        RegistryCompiler.compile(
            dir,
            List.of(
                RevisionSpec.table("n00"),
                stallingN01().labelled("x"),
                RevisionSpec.table("y01", "n00").labelled("y")));
    killInsideN01(db, url);
    Retort retort = Retort.builder(registry).url(url).build();

    assertEquals(List.of("y01"), retort.stamp("y01", false).after());

    assertEquals(List.of("'n01' (up, unfinished: running or interrupted)"), incomplete(retort));
    RetortException e = assertThrows(RetortException.class, retort::upgradeOnStartup);
    assertEquals(ErrorCode.INCOMPLETE_REVISION, e.code());
    assertTrue(e.getMessage().startsWith("revision 'n01' (up, started "), e.getMessage());
    assertEquals(List.of(), TestDatabase.column(url, "SELECT id FROM t_n01"), "n01 did not run");

    // A stamp that covers n01 (its parent: n01 undone) resolves it.
    TestDatabase.execute(url, "DROP TABLE t_n01");
    assertEquals(List.of("n00"), retort.stamp("n00", false).after());
    assertEquals(List.of(), incomplete(retort));
    assertEquals(List.of("n01", "y01"), retort.upgradeOnStartup().revisions());
    assertEquals(List.of("1"), TestDatabase.column(url, "SELECT id FROM t_n01"));
  }
}
