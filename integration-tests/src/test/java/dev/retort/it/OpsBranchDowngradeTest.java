package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A downgrade naming the {@code ops} branch never touches the unrelated {@code main} branch: not
 * when the walk of {@code ops@head-N} runs into the trunk they share or past base, not on a
 * database where {@code ops} was never applied. Each revision creates a table, so what a command
 * reverted is what the database lost.
 */
class OpsBranchDowngradeTest {

  @TempDir Path dir;

  private TestDatabase db;
  private String url;

  /** r1 <- m1 <- m2 (main); r1 <- o1 (label ops) <- o2; with o2 <- o3a and o2 <- o3b if forked. */
  private Retort retort(TestDatabase db, boolean forked) throws Exception {
    List<RevisionSpec> specs =
        new ArrayList<>(
            List.of(
                table("r1"),
                table("m1", "r1"),
                table("m2", "m1"),
                table("o1", "r1").labelled("ops"),
                table("o2", "o1")));
    if (forked) specs.addAll(List.of(table("o3a", "o2"), table("o3b", "o2")));
    this.db = db;
    this.url = db.freshUrl(dir);
    return Retort.builder(RegistryCompiler.compile(Files.createTempDirectory(dir, "g"), specs))
        .url(url)
        .build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void opsAtHeadMinusOneOnAForkedOpsIsAmbiguousAndChangesNothing(TestDatabase db) throws Exception {
    Retort retort = retort(db, true);
    retort.upgrade("heads");

    assertRefusedAndUnchanged(retort, "ops@head-1", ErrorCode.MULTIPLE_HEADS);
    assertEquals(List.of("m2", "o3a", "o3b"), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void whereOpsWasNeverAppliedOpsTargetsChangeNothing(TestDatabase db) throws Exception {
    for (boolean forked : List.of(true, false)) {
      Retort retort = retort(db, forked);
      retort.upgrade("m2");

      assertRefusedAndUnchanged(
          retort, "ops@head-1", forked ? ErrorCode.MULTIPLE_HEADS : ErrorCode.NOT_APPLIED);
      if (!forked) {
        // Past o1, r1 and base: the walk would take main down.
        assertRefusedAndUnchanged(retort, "ops@head-3", ErrorCode.INVALID_ARGUMENT);
      }
      assertEquals(List.of("m2"), retort.current(), "forked: " + forked);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void opsAtHeadMinusNRollsBackOpsAloneDownToTheFork(TestDatabase db) throws Exception {
    Retort retort = retort(db, false);
    retort.upgrade("heads");

    assertEquals(List.of("o2"), retort.downgrade("ops@head-1").revisions());
    assertEquals(List.of("m2", "o1"), retort.current());
    assertEquals(List.of("o1"), retort.downgrade("ops@head-2").revisions());
    assertEquals(List.of("m2"), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWalkPastTheForkIsRefused(TestDatabase db) throws Exception {
    Retort retort = retort(db, false);
    retort.upgrade("heads");

    for (String target : List.of("ops@head-3", "ops@-3", "ops@base")) {
      RetortException e = assertRefusedAndUnchanged(retort, target, ErrorCode.INVALID_ARGUMENT);
      assertEquals(
          "'"
              + target
              + "' would also revert m1, m2, of another branch sharing ops's line below it;"
              + " downgrade that branch first, or name a revision of ops above where it leaves the"
              + " shared line",
          e.getMessage());
    }
    assertEquals(List.of("m2", "o2"), retort.current());
  }

  /** Refused with {@code code}, and the version rows and the tables are as they were. */
  private RetortException assertRefusedAndUnchanged(Retort retort, String target, ErrorCode code)
      throws Exception {
    List<String> rows = retort.current();
    List<String> tables = db.tables(url);
    RetortException e = assertThrows(RetortException.class, () -> retort.downgrade(target));
    assertEquals(code, e.code(), target + ": " + e.getMessage());
    assertEquals(rows, retort.current(), target + " changed the version rows");
    assertEquals(tables, db.tables(url), target + " changed the tables");
    return e;
  }
}
