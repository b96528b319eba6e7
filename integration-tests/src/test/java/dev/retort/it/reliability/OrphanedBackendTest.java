package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while its revision runs a long statement on PostgreSQL: its backend,
 * orphaned, would finish the statement still holding the session's advisory lock. While it runs, a
 * second command's lock timeout names it (pid, application, its statement) and how to end it; once
 * the client is dead, the server notices within about a second and the next run gets the lock.
 */
class OrphanedBackendTest {

  @TempDir Path dir;

  private String url;

  @AfterEach
  void endLeftoverBackends() throws Exception {
    // Before the fix, the orphan would hold its database's lock for ten minutes.
    if (url != null) {
      TestDatabase.column(
          url,
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
  }

  @Test
  void aKilledClientsBackendLetsGoOfTheLockAndTheTimeoutNamesItWhileItHoldsIt() throws Exception {
    url = TestDatabase.POSTGRESQL.freshUrl(dir);
    // PostgreSQL 13 and older (RETORT_TEST_PG_URL may name one) cannot notice a dead client.
    assumeTrue(
        Integer.parseInt(TestDatabase.column(url, "SHOW server_version_num").get(0)) >= 140000,
        "PostgreSQL 14 or later");
    // b sleeps ten minutes in the child JVM, which the test kills; elsewhere it runs at once.
    MigrationRegistry registry =
        RegistryCompiler.compile(
            dir,
            List.of(
                table("a"),
                table("b", "a")
                    .withUpgrade(
                        "System.out.println(\"in b\");"
                            + " if (Boolean.getBoolean(\"retort.it.sleepInB\"))"
                            + " ctx.execute(\"SELECT pg_sleep(600)\");"
                            + " ctx.execute(\"CREATE TABLE t_b (id INTEGER PRIMARY KEY)\");")));
    ChildJvm child =
        ChildJvm.start(
            dir.resolve("classes"), url, null, dir, "child", List.of("-Dretort.it.sleepInB=true"));
    assertTrue(child.awaitLine("in b", 60_000), child::describe);
    String sleeper = awaitSleepingBackend(10_000);

    Retort impatient =
        Retort.builder(registry).url(url).lockTimeout(Duration.ofMillis(300)).build();
    RetortException e = assertThrows(RetortException.class, impatient::upgradeOnStartup);
    assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
    Matcher holder =
        Pattern.compile(
                "another process is migrating this database and held the lock for more than 300"
                    + " ms: PostgreSQL session pid (\\d+) \\(application 'retort upgrade',"
                    + " connected since [^,]+, active since .+?: SELECT pg_sleep\\(600\\)\\);"
                    + " wait for it to finish, or raise the lock timeout; if its process is gone,"
                    + " end the session with SELECT pg_terminate_backend\\((\\d+)\\)")
            .matcher(e.getMessage());
    assertTrue(holder.matches(), e.getMessage());
    assertEquals(sleeper, holder.group(1));
    assertEquals(sleeper, holder.group(2));

    child.kill();
    Retort next = Retort.builder(registry).url(url).lockTimeout(Duration.ofSeconds(15)).build();
    long start = System.nanoTime();
    assertEquals(List.of("b"), next.upgradeOnStartup().revisions());
    long waited = (System.nanoTime() - start) / 1_000_000;

    assertTrue(waited < 10_000, "the lock came free after " + waited + " ms");
    assertEquals(List.of("a up true", "b up true"), DbState.history(url));
    assertEquals(List.of(), sleepingBackends(), "the orphaned backend is gone");
  }

  /** The pid of the backend running the child's {@code pg_sleep}, once it runs. */
  private String awaitSleepingBackend(long millis) throws Exception {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      List<String> pids = sleepingBackends();
      if (!pids.isEmpty()) return pids.get(0);
      Thread.sleep(20);
    }
    throw new AssertionError("the child never ran pg_sleep");
  }

  private List<String> sleepingBackends() throws Exception {
    return TestDatabase.column(
        url,
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            + " AND query = 'SELECT pg_sleep(600)' AND pid <> pg_backend_pid()");
  }
}
