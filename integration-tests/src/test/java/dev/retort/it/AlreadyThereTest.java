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
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After {@code stamp base} the schema is still there, so the next upgrade's CREATE TABLE finds its
 * table: the revision is not at fault, and the message says that the database already holds what
 * it creates and points at {@code stamp}, instead of "Fix the revision". Classified by the
 * database's own sign (SQLSTATE 42P07 on PostgreSQL, "already exists" on SQLite), on upgrade only.
 */
class AlreadyThereTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anUpgradeAfterStampBasePointsAtStampNotAtTheRevision(TestDatabase db) throws Exception {
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"), table("b", "a"))))
            .url(db.freshUrl(dir))
            .build();
    retort.upgrade("heads");
    retort.stamp("base", false);

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
    assertTrue(
        e.getMessage().startsWith("upgrade of revision 'a' (it.generated.Revision0) failed"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                ". The database already holds what this revision creates, though its version"
                    + " table says the revision is not applied (as after a stamp to an earlier"
                    + " revision, or a schema made by hand): if the schema is as the revision"
                    + " leaves it, record that with 'stamp a' instead of running it; else remove"
                    + " what is in the way and run the command again"),
        e.getMessage());
    assertFalse(e.getMessage().contains("Fix the revision"), e.getMessage());
    assertEquals(List.of(), retort.current());

    // The advice works: the stamp records what is there, and the upgrade goes on from it.
    retort.stamp("heads", false);
    assertEquals(List.of("b"), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anotherFailureStillBlamesTheRevision(TestDatabase db) throws Exception {
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir, List.of(table("a").withUpgrade("ctx.execute(\"DROP TABLE no_such\");"))))
            .url(db.freshUrl(dir))
            .build();

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertTrue(
        e.getMessage().endsWith(". Fix the revision and run the command again"), e.getMessage());
  }
}
