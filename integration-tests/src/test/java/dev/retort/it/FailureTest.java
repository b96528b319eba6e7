package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A failing revision leaves nothing half-done, says where it failed, and blocks until fixed. */
class FailureTest {

  private static final String BROKEN =
      "ctx.execute(\"CREATE TABLE t_b (id INTEGER PRIMARY KEY)\");"
          + " ctx.execute(\"INSERT INTO t_b (no_such_column) VALUES (1)\");";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRevisionFailingHalfwayLeavesTheDatabaseAtTheRevisionBefore(TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir, List.of(table("a"), table("b", "a").withUpgrade(BROKEN), table("c", "b"))))
            .url(url)
            .build();

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
    assertTrue(
        e.getMessage()
            .startsWith(
                "upgrade of revision 'b' (it.generated.Revision1) failed and was rolled back; the"
                    + " database is still at a. Failing SQL: INSERT INTO t_b (no_such_column)"
                    + " VALUES (1). Cause: "),
        e.getMessage());
    assertEquals(List.of("a"), retort.current());
    assertTrue(TestDatabase.tableExists(url, "t_a"));
    assertFalse(TestDatabase.tableExists(url, "t_b"), "the first statement of b was rolled back");
    assertEquals(
        List.of("a up true", "b up false"),
        TestDatabase.column(
            url,
            "SELECT revision || ' ' || direction || ' ' || CASE WHEN success THEN 'true' ELSE"
                + " 'false' END FROM retort_version_history ORDER BY id"));

    RetortException again = assertThrows(RetortException.class, () -> retort.upgrade("heads"));
    assertEquals(ErrorCode.MIGRATION_FAILED, again.code());
    assertEquals(List.of("a"), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aVersionTableChangedDuringTheRunFailsTheStepInsteadOfBeingOverwritten(TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    // Revision b's body stands for anything outside Retort that changes the version table while
    // the command runs.
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir,
                    List.of(
                        table("a"),
                        table("b", "a")
                            .withUpgrade("ctx.execute(\"DELETE FROM retort_version\");"))))
            .url(url)
            .build();

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    // Retort's own write failed, not the revision's.
    assertEquals(ErrorCode.DATABASE_ERROR, e.code());
    assertTrue(
        e.getMessage()
            .contains(
                "the version table \"retort_version\" no longer holds rows a (while running:"
                    + " UPDATE \"retort_version\" SET version_num = 'b' WHERE version_num = 'a'):"
                    + " something outside Retort changed it during this run; check it and run"
                    + " again"),
        e.getMessage());
    assertEquals(List.of("a"), retort.current(), "the body's delete was rolled back with the step");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFixedRevisionThenApplies(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    List<RevisionSpec> broken = List.of(table("a"), table("b", "a").withUpgrade(BROKEN));
    Retort before =
        Retort.builder(RegistryCompiler.compile(dir.resolve("v1"), broken)).url(url).build();
    assertThrows(RetortException.class, () -> before.upgrade("heads"));

    Retort fixed =
        Retort.builder(
                RegistryCompiler.compile(dir.resolve("v2"), List.of(table("a"), table("b", "a"))))
            .url(url)
            .build();

    assertEquals(List.of("b"), fixed.upgrade("heads").revisions());
    assertEquals(List.of("b"), fixed.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailedNonTransactionalRevisionBlocksUntilStamped(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir,
                    List.of(table("a"), table("b", "a").withUpgrade(BROKEN).nonTransactional())))
            .url(url)
            .build();

    RetortException failed = assertThrows(RetortException.class, () -> retort.upgrade("heads"));
    assertEquals(ErrorCode.MIGRATION_FAILED, failed.code());
    assertTrue(
        failed
            .getMessage()
            .startsWith(
                "upgrade of revision 'b' (it.generated.Revision1) failed and ran outside a"
                    + " transaction, so its changes may be partly applied. Failing SQL: INSERT INTO"
                    + " t_b (no_such_column) VALUES (1). Cause: "),
        failed.getMessage());
    // Not "run the command again": the next run refuses until someone stamps.
    assertTrue(
        failed
            .getMessage()
            .endsWith(
                ". Every run refuses to continue until this is resolved: inspect the database,"
                    + " complete or undo the revision's changes by hand, and record the result with"
                    + " 'stamp b' (done) or 'stamp a' (undone); fix the revision before it runs"
                    + " again"),
        failed.getMessage());
    assertTrue(
        TestDatabase.tableExists(url, "t_b"), "outside a transaction, the first statement stays");

    RetortException blocked = assertThrows(RetortException.class, () -> retort.upgrade("heads"));
    assertEquals(ErrorCode.INCOMPLETE_REVISION, blocked.code());
    assertTrue(blocked.getMessage().startsWith("revision 'b' (up, started "), blocked.getMessage());
    assertTrue(
        blocked.getMessage().contains("'stamp b' (done) or 'stamp a' (undone)"),
        blocked.getMessage());
    assertEquals(List.of("a"), retort.current());

    retort.stamp("b", false);

    assertEquals(List.of("b"), retort.current());
    assertTrue(retort.upgrade("heads").nothingToDo());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDowngradeThroughAnIrreversibleRevisionIsRefusedBeforeAnythingRuns(TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir, List.of(table("a"), table("b", "a").withDowngrade(null), table("c", "b"))))
            .url(url)
            .build();
    retort.upgrade("heads");

    RetortException e = assertThrows(RetortException.class, () -> retort.downgrade("base"));

    assertEquals(ErrorCode.IRREVERSIBLE, e.code());
    assertEquals(
        "cannot downgrade through revision 'b' (it.generated.Revision1): it is irreversible: test"
            + " revision without downgrade; nothing was changed. Choose a target above it, or"
            + " restore from a backup",
        e.getMessage());
    assertEquals(List.of("c"), retort.current());
    assertTrue(TestDatabase.tableExists(url, "t_c"));
    assertEquals(List.of("c"), retort.downgrade("b").revisions(), "above it is fine");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDatabaseAtARevisionTheRegistryLacksSaysHowToRecover(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"), table("b", "a"))))
            .url(url)
            .build();
    retort.upgrade("a");
    TestDatabase.execute(url, "UPDATE retort_version SET version_num = 'gone1'");

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertEquals(ErrorCode.UNKNOWN_DATABASE_REVISION, e.code());
    assertEquals(
        "the database is at revision 'gone1', which this application does not contain; run a"
            + " build that has it, or if it was removed on purpose, record the real state with"
            + " 'stamp --purge <revision>'",
        e.getMessage());

    retort.stamp("a", true);
    assertEquals(List.of("a"), retort.current());
    assertEquals(List.of("b"), retort.upgrade("heads").revisions());
  }
}
