package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline SQL: the script of a range, written without any database. */
class OfflineSqlTest {

  @TempDir Path dir;

  private Retort offline(List<RevisionSpec> graph) {
    // An unreachable URL proves nothing connects: offline mode only reads its dialect.
    return Retort.builder(RegistryCompiler.compile(dir, graph))
        .url("jdbc:postgresql://127.0.0.1:1/none")
        .build();
  }

  @Test
  void anUpgradeScriptHoldsEachRevisionInItsTransactionWithTheVersionRows() {
    Retort retort = offline(List.of(table("a"), table("b", "a")));

    assertEquals(
"""
-- Retort offline script (postgresql): upgrade base -> heads

CREATE TABLE IF NOT EXISTS "retort_version" (version_num VARCHAR(255) NOT NULL PRIMARY KEY);
CREATE TABLE IF NOT EXISTS "retort_version_history" (id BIGSERIAL PRIMARY KEY, revision VARCHAR(255) NOT NULL, direction VARCHAR(8) NOT NULL, checksum VARCHAR(64) NOT NULL, transactional BOOLEAN NOT NULL, success BOOLEAN, started_at TIMESTAMP WITH TIME ZONE NOT NULL, duration_ms BIGINT, applied_by VARCHAR(255), error TEXT);

-- up a: revision a
BEGIN;
SET LOCAL lock_timeout = '5000ms';
CREATE TABLE t_a (id INTEGER PRIMARY KEY);
INSERT INTO "retort_version" (version_num) VALUES ('a');
COMMIT;

-- up b: revision b
BEGIN;
SET LOCAL lock_timeout = '5000ms';
CREATE TABLE t_b (id INTEGER PRIMARY KEY);
UPDATE "retort_version" SET version_num = 'b' WHERE version_num = 'a';
COMMIT;
""",
        retort.upgradeSql("heads"));
  }

  @Test
  void theLockTimeoutIsTheConfiguredOneAndOnlyOnPostgresql() {
    String noTimeout =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .dialect("postgresql")
            .ddlLockTimeout(Duration.ZERO, 0, Duration.ZERO)
            .build()
            .upgradeSql("heads");
    String sqlite =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .dialect("sqlite")
            .build()
            .upgradeSql("heads");

    assertFalse(noTimeout.contains("lock_timeout"), noTimeout);
    assertTrue(noTimeout.contains("BEGIN;\nCREATE TABLE t_a"), noTimeout);
    assertFalse(sqlite.contains("lock_timeout"), sqlite);
  }

  @Test
  void aDowngradeScriptRunsFromTheGivenRevision() {
    Retort retort = offline(List.of(table("a"), table("b", "a")));

    assertEquals(
        """
        -- Retort offline script (postgresql): downgrade b -> base

        -- down b: revision b
        BEGIN;
        SET LOCAL lock_timeout = '5000ms';
        DROP TABLE t_b;
        UPDATE "retort_version" SET version_num = 'a' WHERE version_num = 'b';
        COMMIT;

        -- down a: revision a
        BEGIN;
        SET LOCAL lock_timeout = '5000ms';
        DROP TABLE t_a;
        DELETE FROM "retort_version" WHERE version_num = 'a';
        COMMIT;
        """,
        retort.downgradeSql("b:base"));
  }

  @Test
  void anUpgradeRangeThatGoesDownIsRefused() {
    Retort retort = offline(List.of(table("a"), table("b", "a"), table("c", "b")));

    RetortException e = assertThrows(RetortException.class, () -> retort.upgradeSql("heads:base"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals(
        "'heads:base' goes down: base is below heads, and an upgrade's range goes up, as"
            + " base:heads does; for the script of a downgrade, give the range to the downgrade",
        e.getMessage());
    RetortException b = assertThrows(RetortException.class, () -> retort.upgradeSql("c:a"));
    assertEquals("'c:a' goes down: a is below c", b.getMessage().split(", and")[0]);
    // The same revision at both ends is nothing to do, not the wrong way.
    assertEquals(
        "-- Retort offline script (postgresql): upgrade b -> b\n", retort.upgradeSql("b:b"));
  }

  @Test
  void aDowngradeRangeThatGoesUpIsRefused() {
    Retort retort =
        offline(
            List.of(
                table("a"), table("b", "a").labelled("main"), table("c", "a").labelled("side")));

    RetortException e =
        assertThrows(RetortException.class, () -> retort.downgradeSql("base:heads"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals(
        "'base:heads' does not go down: heads is not below base, and a downgrade's range goes"
            + " down, as heads:base does; for the script of an upgrade, give the range to the"
            + " upgrade",
        e.getMessage());
    // Beside it, not below it: c is on another branch than b.
    RetortException beside = assertThrows(RetortException.class, () -> retort.downgradeSql("b:c"));
    assertEquals("'b:c' does not go down: c is not below b", beside.getMessage().split(", and")[0]);
    // From a revision to itself: nothing to undo.
    assertEquals(
        "-- Retort offline script (postgresql): downgrade b -> b\n", retort.downgradeSql("b:b"));
    // A downgrade starts from one revision, as Alembic's does.
    RetortException heads =
        assertThrows(RetortException.class, () -> retort.downgradeSql("heads:base"));
    assertEquals(ErrorCode.MULTIPLE_HEADS, heads.code());
    assertEquals(
        "'heads' is 2 revisions (b, c); an offline downgrade starts from one, so name it as FROM",
        heads.getMessage());
  }

  @Test
  void aMigrationThatNeedsTheConnectionIsNamed() {
    Retort retort = offline(List.of(table("a").withUpgrade("ctx.connection().createStatement();")));

    RetortException e = assertThrows(RetortException.class, () -> retort.upgradeSql("heads"));

    assertEquals(ErrorCode.OFFLINE_UNSUPPORTED, e.code());
    assertEquals(
        "revision 'a' (it.generated.Revision0) needs the live connection, which an offline SQL"
            + " script does not have; run it online, or write it with ctx.execute(sql) and the"
            + " schema operations only",
        e.getMessage());
  }
}
