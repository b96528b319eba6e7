package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a failed step says sends people the right way: when what Retort itself writes fails (the
 * version row, the history row and its sequence, the commit), the message names Retort's table and
 * the real cause and does not blame the revision; a constraint that the revision's data violates at
 * commit is the revision's; and {@code check} does not call a non-transactional revision that is
 * running "interrupted".
 */
class StepReportTest {

  private static final String NOT_AT_FAULT =
      ". The revision is not at fault: fix that cause (such as the database user's privileges on"
          + " Retort's tables and their sequence, or the free disk space) and run the command"
          + " again";

  @TempDir Path dir;

  private MigrationRegistry registry(RevisionSpec b) {
    return RegistryCompiler.compile(dir, List.of(table("a"), b));
  }

  @Test
  void aVersionRowThatCannotBeWrittenIsRetortsFailureNotTheRevisions() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir);
    Retort retort = Retort.builder(registry(table("b", "a"))).url(url).build();
    retort.upgrade("a");
    TestDatabase.execute(
        url,
        "CREATE TRIGGER frozen BEFORE UPDATE ON retort_version BEGIN"
            + " SELECT RAISE(ABORT, 'the version table is frozen'); END");

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertEquals(ErrorCode.DATABASE_ERROR, e.code());
    assertEquals(
        "upgrade of revision 'b' (it.generated.Revision1) ran, but Retort could not update its"
            + " version table \"retort_version\": [SQLITE_CONSTRAINT_TRIGGER] A RAISE function"
            + " within a trigger fired, causing the SQL statement to abort (the version table is"
            + " frozen); the step was rolled back and the database is still at a"
            + NOT_AT_FAULT,
        e.getMessage());
    assertFalse(TestDatabase.tableExists(url, "t_b"), "b was rolled back");
    assertEquals(List.of("a up true", "b up false"), DbState.history(url));
  }

  @Test
  void aHistorySequenceWithoutPrivilegeIsRetortsFailureNotTheRevisions() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    MigrationRegistry registry = registry(table("b", "a"));
    Retort.builder(registry).url(url).build().upgrade("a");
    String role = "retort_no_sequence_" + ProcessHandle.current().pid();
    TestDatabase.execute(
        url,
        "CREATE ROLE " + role + " LOGIN PASSWORD 'secret'",
        "GRANT ALL ON SCHEMA public TO " + role,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON retort_version, retort_version_history TO "
            + role);
    try {
      String asRole = url.replaceFirst("user=[^&]*", "user=" + role) + "&password=secret";
      Retort retort = Retort.builder(registry).url(asRole).build();

      RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

      assertEquals(ErrorCode.DATABASE_ERROR, e.code());
      assertEquals(
          "upgrade of revision 'b' (it.generated.Revision1) ran, but Retort could not record the"
              + " step in its history table \"retort_version_history\": ERROR: permission denied"
              + " for sequence retort_version_history_id_seq; the step was rolled back and the"
              + " database is still at a"
              + NOT_AT_FAULT,
          e.getMessage());
      assertEquals(List.of("a"), DbState.versionRows(url));
      assertFalse(TestDatabase.tableExists(url, "t_b"), "b was rolled back");
    } finally {
      TestDatabase.execute(url, "DROP OWNED BY " + role, "DROP ROLE " + role);
    }
  }

  @Test
  void aCommitThatFailsForWantOfDiskIsRetortsFailureNotTheRevisions() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    Retort retort = Retort.builder(registry(table("b", "a"))).url(url).build();
    retort.upgrade("a");
    // Fires at COMMIT, with the SQLSTATE of a full disk (53100).
    TestDatabase.execute(
        url,
        "CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION"
            + " 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END"
            + " $$",
        "CREATE CONSTRAINT TRIGGER full_disk AFTER UPDATE ON retort_version DEFERRABLE INITIALLY"
            + " DEFERRED FOR EACH ROW EXECUTE FUNCTION full_disk()");

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertEquals(ErrorCode.DATABASE_ERROR, e.code());
    assertTrue(
        e.getMessage()
            .startsWith(
                "upgrade of revision 'b' (it.generated.Revision1) ran, but Retort could not commit"
                    + " the step: ERROR: could not extend file: No space left on device"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith("; the step was rolled back and the database is still at a" + NOT_AT_FAULT),
        e.getMessage());
    assertEquals(List.of("a"), DbState.versionRows(url));
    assertFalse(TestDatabase.tableExists(url, "t_b"), "b was rolled back");
  }

  @Test
  void aDeferredConstraintTheRevisionViolatesAtCommitIsTheRevisions() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    Retort retort =
        Retort.builder(
                registry(
                    table("b", "a")
                        .withUpgrade(
                            "ctx.execute(\"CREATE TABLE p (id INTEGER PRIMARY KEY)\");"
                                + " ctx.execute(\"CREATE TABLE c (p_id INTEGER REFERENCES p (id)"
                                + " DEFERRABLE INITIALLY DEFERRED)\");"
                                + " ctx.execute(\"INSERT INTO c (p_id) VALUES (1)\");")))
            .url(url)
            .build();

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
    assertTrue(
        e.getMessage()
            .startsWith(
                "upgrade of revision 'b' (it.generated.Revision1) failed and was rolled back; the"
                    + " database is still at a. Cause: org.postgresql.util.PSQLException: ERROR:"
                    + " insert or update on table \"c\" violates foreign key constraint"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith(". Fix the revision and run the command again"));
    assertFalse(TestDatabase.tableExists(url, "c"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void checkDoesNotCallARunningNonTransactionalRevisionInterrupted(TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(
                registry(
                    table("b", "a")
                        .withUpgrade(
                            "dev.retort.it.reliability.Gate.pass();"
                                + " ctx.execute(\"CREATE TABLE t_b (id INTEGER PRIMARY KEY)\");")
                        .nonTransactional()))
            .url(url)
            .build();
    Gate.close();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> running = executor.submit(retort::upgradeOnStartup);
      assertTrue(Gate.awaitEntered(), "the upgrade reached b");

      List<String> incomplete = retort.check().incomplete();

      assertEquals(1, incomplete.size());
      assertTrue(
          incomplete.get(0).matches("'b' \\(up, unfinished: running or interrupted since [^)]+\\)"),
          incomplete.get(0));
      Gate.open();
      running.get(60, TimeUnit.SECONDS);
    } finally {
      Gate.open();
      executor.shutdownNow();
    }
    assertEquals(List.of(), retort.check().incomplete());
  }
}
