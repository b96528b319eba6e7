package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up retries wait for a database that is not up yet, not for one that is up and answers
 * that the target does not exist: that answer is the same after any wait, so it fails at once with
 * what to do. A server that is not listening is still waited for ({@link ConnectionFaultTest}).
 */
class HopelessConnectTest {

  /** Long enough that a single retry would show in the time a start-up takes. */
  private static final Duration BACKOFF = Duration.ofSeconds(3);

  @TempDir Path dir;

  private RetortException startUp(String url) {
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .url(url)
            .startupRetry(3, BACKOFF)
            .build();
    long start = System.nanoTime();
    RetortException e = assertThrows(RetortException.class, retort::upgradeOnStartup);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertTrue(elapsed.compareTo(BACKOFF) < 0, "took " + elapsed + ", as if retried");
    return e;
  }

  @Test
  void aDatabaseMissingOnARunningServerIsNotWaitedFor() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir).replaceFirst("/[^/?]+\\?", "/no_such_db?");

    RetortException e = startUp(url);

    assertTrue(
        e.getMessage()
            .endsWith(
                "FATAL: database \"no_such_db\" does not exist; the server is up but has no"
                    + " database of that name, which waiting will not change, so this was not"
                    + " retried: create it (CREATE DATABASE) or correct the database name in the"
                    + " URL"),
        e.getMessage());
  }
}
