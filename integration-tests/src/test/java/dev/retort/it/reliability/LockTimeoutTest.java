package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * While one command holds the migration lock (its revision body is held open), another gives up
 * after its lock timeout with LOCK_TIMEOUT and changes nothing; once the first is done, it runs.
 */
class LockTimeoutTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSecondCommandWaitsForTheLockThenGivesUpNamingTheTimeout(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    MigrationRegistry registry =
        RegistryCompiler.compile(
            dir,
            List.of(
                table("a"),
                table("b", "a")
                    .withUpgrade(
                        "dev.retort.it.reliability.Gate.pass();"
                            + " ctx.execute(\"CREATE TABLE t_b (id INTEGER PRIMARY KEY)\");")));
    Retort first = Retort.builder(registry).url(url).build();
    Retort second = Retort.builder(registry).url(url).lockTimeout(Duration.ofMillis(300)).build();
    Gate.close();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> holding = executor.submit(first::upgradeOnStartup);
      assertTrue(Gate.awaitEntered(), "the first command reached b");

      long start = System.nanoTime();
      RetortException e = assertThrows(RetortException.class, second::upgradeOnStartup);
      long waited = (System.nanoTime() - start) / 1_000_000;

      assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
      if (db == TestDatabase.SQLITE) {
        assertEquals(
            "another process is migrating this database and held the lock for more than 300 ms;"
                + " wait for it to finish, or raise the lock timeout",
            e.getMessage());
      } else {
        // The holder sits in b's body, between statements of its open transaction.
        assertTrue(
            e.getMessage()
                .matches(
                    "another process is migrating this database and held the lock for more than"
                        + " 300 ms: PostgreSQL session pid (\\d+) \\(application 'retort"
                        + " upgrade', connected since [^,]+, idle[a-z ]* since .+\\);"
                        + " wait for it to finish, or raise the lock timeout; if its process is"
                        + " gone, end the session with SELECT pg_terminate_backend\\(\\1\\)"),
            e.getMessage());
      }
      assertTrue(waited >= 300, "gave up after " + waited + " ms");
      Gate.open();
      holding.get(60, TimeUnit.SECONDS);
    } finally {
      Gate.open();
      executor.shutdownNow();
    }
    assertEquals(List.of("b"), second.current());
    assertEquals(List.of("a up true", "b up true"), DbState.history(url), "b ran once");
    assertTrue(second.upgradeOnStartup().nothingToDo());
  }
}
