package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.it.CapturedLogs;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL a revision's {@code ALTER TABLE} that waits for its lock blocks every query queued
 * behind it. Here another session holds a lock on the table (an open transaction that read it), and
 * the application keeps reading the table with a one-second statement timeout: with Retort's lock
 * timeout the revision gives way, the reads keep flowing, and the revision succeeds once the lock
 * is released; without one, the reads queue behind the revision and time out.
 */
// A revision that does not give way waits for the lock as long as it is held: fail, not hang.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GivingWayTest {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  @TempDir Path dir;

  private String url;
  private MigrationRegistry registry;

  @BeforeEach
  void aTableWithRows() throws Exception {
    url = TestDatabase.POSTGRESQL.freshUrl(dir);
    registry =
        RegistryCompiler.compile(
            dir,
            List.of(
                table("a"),
                table("b", "a")
                    .withUpgrade("ctx.execute(\"ALTER TABLE t_a ADD COLUMN note TEXT\");")
                    .withDowngrade("ctx.execute(\"ALTER TABLE t_a DROP COLUMN note\");")));
    Retort.builder(registry).url(url).build().upgrade("a");
    TestDatabase.execute(url, "INSERT INTO t_a (id) SELECT g FROM generate_series(1, 100) g");
  }

  @Test
  void theRevisionGivesWayWhileTheLockIsHeldAndSucceedsOnceItIsReleased() throws Exception {
    Retort retort =
        Retort.builder(registry)
            .url(url)
            .ddlLockTimeout(Duration.ofMillis(200), 5, Duration.ofMillis(300))
            .build();
    StringBuilder logs = new StringBuilder();

    Reads reads;
    try (Connection holder = holdingALockOnTheTable()) {
      reads = Reads.start(url);
      CompletableFuture<Void> release = releaseAfter(holder, Duration.ofMillis(1500));
      assertEquals(
          List.of("b"), CapturedLogs.capturing(logs, () -> retort.upgrade("heads")).revisions());
      release.join();
    }
    reads.stop();

    assertEquals(List.of(), reads.failures, "reads failed while the revision waited");
    assertTrue(reads.count > 10, "reads kept flowing: " + reads.count);
    assertEquals(List.of("b"), DbState.versionRows(url));
    List<String> history = DbState.history(url);
    List<String> tries = history.subList(1, history.size());
    assertTrue(tries.size() >= 2, "gave way at least once: " + tries);
    assertEquals("b up true", tries.get(tries.size() - 1));
    for (String gaveWay : tries.subList(0, tries.size() - 1)) assertEquals("b up false", gaveWay);
    assertTrue(
        logs.toString()
            .contains(
                "Revision b gave way: a statement waited 200 ms for a lock another session holds,"
                    + " so it was rolled back; running it again in 0.3 s (1 of 5)"),
        logs.toString());
  }

  @Test
  void withoutALockTimeoutTheApplicationsReadsQueueBehindTheRevision() throws Exception {
    Retort retort =
        Retort.builder(registry).url(url).ddlLockTimeout(Duration.ZERO, 0, Duration.ZERO).build();

    Reads reads;
    try (Connection holder = holdingALockOnTheTable()) {
      reads = Reads.start(url);
      CompletableFuture<Void> release = releaseAfter(holder, Duration.ofMillis(2500));
      assertEquals(List.of("b"), retort.upgrade("heads").revisions());
      release.join();
    }
    reads.stop();

    assertTrue(
        reads.failures.stream()
            .anyMatch(f -> f.contains("canceling statement due to statement timeout")),
        "no read queued behind the revision: " + reads.failures);
  }

  @Test
  void aLockHeldThroughEveryTryFailsNamingTheWayOut() throws Exception {
    Retort retort =
        Retort.builder(registry)
            .url(url)
            .ddlLockTimeout(Duration.ofMillis(100), 1, Duration.ofMillis(50))
            .build();

    RetortException e;
    try (Connection holder = holdingALockOnTheTable()) {
      e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));
      holder.rollback();
    }

    assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
    assertTrue(
        e.getMessage().startsWith("upgrade of revision 'b' (")
            && e.getMessage().contains(") failed and was rolled back; the database is still at a"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "A statement waited 100 ms for a lock another session holds, on each of 2 tries;"
                    + " find the session that holds it (pg_locks, pg_stat_activity) and run the"
                    + " command again when it is done, or allow longer waits with"
                    + " ddlLockTimeout(...)"),
        e.getMessage());
    assertEquals(List.of("a"), DbState.versionRows(url));
    assertEquals(List.of("a up true", "b up false", "b up false"), DbState.history(url));
  }

  @Test
  void anyOtherFailureRunsOnce() throws Exception {
    MigrationRegistry failing =
        RegistryCompiler.compile(
            dir.resolve("failing"),
            List.of(table("a"), table("b", "a").withUpgrade("ctx.execute(\"NOT SQL\");")));
    Retort retort =
        Retort.builder(failing)
            .url(url)
            .ddlLockTimeout(Duration.ofMillis(100), 3, Duration.ofMillis(50))
            .build();

    assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertEquals(List.of("a up true", "b up false"), DbState.history(url));
  }

  /** A session that read the table in a transaction it keeps open, as a long report would. */
  private Connection holdingALockOnTheTable() throws SQLException {
    Connection holder = DriverManager.getConnection(url);
    holder.setAutoCommit(false);
    try (Statement s = holder.createStatement()) {
      s.executeQuery("SELECT count(*) FROM t_a").close();
    }
    return holder;
  }

  private static CompletableFuture<Void> releaseAfter(Connection holder, Duration after) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            Thread.sleep(after.toMillis());
            holder.commit();
          } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** The application: reads the table every 20 ms with a statement timeout, until stopped. */
  private static final class Reads {

    final List<String> failures = new ArrayList<>();
    int count;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private CompletableFuture<Void> running;

    static Reads start(String url) {
      Reads reads = new Reads();
      reads.running = CompletableFuture.runAsync(() -> reads.loop(url));
      return reads;
    }

    private void loop(String url) {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("SET statement_timeout = " + READ_TIMEOUT.toMillis());
        while (!stopped.get()) {
          try {
            s.executeQuery("SELECT count(*) FROM t_a").close();
            count++;
          } catch (SQLException e) {
            failures.add(e.getMessage());
          }
          Thread.sleep(20);
        }
      } catch (SQLException | InterruptedException e) {
        failures.add(e.toString());
      }
    }

    void stop() {
      stopped.set(true);
      running.join();
    }
  }
}
