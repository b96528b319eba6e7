package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The migration lock belongs to the version table, not to how it is named: a command told the
 * schema by name and one relying on the connection's default schema exclude each other, in both
 * orders, so a revision body never runs twice.
 */
class LockScopeTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNamedSchemaAndTheDefaultOneShareTheLock(TestDatabase db) throws Exception {
    String schema = db == TestDatabase.POSTGRESQL ? "public" : "main";
    MigrationRegistry registry =
        RegistryCompiler.compile(
            dir,
            List.of(
                table("a"),
                table("b", "a")
                    .withUpgrade(
                        "dev.retort.it.reliability.Gate.pass();"
                            + " ctx.execute(\"CREATE TABLE t_b (id INTEGER PRIMARY KEY)\");"),
                table("c", "b")
                    .withUpgrade(
                        "dev.retort.it.reliability.Gate.pass();"
                            + " ctx.execute(\"CREATE TABLE t_c (id INTEGER PRIMARY KEY)\");")));
    String url = db.freshUrl(dir);
    Retort.builder(registry).url(url).build().upgrade("a");

    Retort named = Retort.builder(registry).url(url).schema(schema).build();
    Retort unnamed = Retort.builder(registry).url(url).build();
    Retort namedImpatient =
        Retort.builder(registry)
            .url(url)
            .schema(schema)
            .lockTimeout(Duration.ofMillis(300))
            .build();
    Retort unnamedImpatient =
        Retort.builder(registry).url(url).lockTimeout(Duration.ofMillis(300)).build();

    holdAndTry(() -> named.upgrade("b"), () -> unnamedImpatient.upgrade("c"));
    holdAndTry(() -> unnamed.upgrade("c"), () -> namedImpatient.upgrade("c"));

    assertEquals(List.of("c"), unnamed.current());
    assertEquals(List.of("a up true", "b up true", "c up true"), DbState.history(url));
  }

  /**
   * Runs {@code holder} until its revision body is entered, then {@code other}, which must give up
   * on the lock instead of running beside it.
   */
  private static void holdAndTry(Runnable holder, Runnable other) throws Exception {
    Gate.close();
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      Future<?> holding = executor.submit(holder);
      assertTrue(Gate.awaitEntered(), "the first command reached its revision");
      Future<?> trying = executor.submit(other);
      try {
        trying.get(20, TimeUnit.SECONDS);
        fail("the second command ran while the first held the lock");
      } catch (TimeoutException ranAlongside) {
        fail("the second command entered the revision body the first one was running");
      } catch (ExecutionException e) {
        RetortException refused = assertInstanceOf(RetortException.class, e.getCause());
        assertEquals(ErrorCode.LOCK_TIMEOUT, refused.code(), refused.getMessage());
      }
      Gate.open();
      holding.get(60, TimeUnit.SECONDS);
    } finally {
      Gate.open();
      executor.shutdownNow();
    }
  }
}
