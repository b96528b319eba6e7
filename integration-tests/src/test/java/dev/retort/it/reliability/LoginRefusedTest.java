package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.cli.RetortCli;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.EmbeddedPostgresql;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login the database refuses (SQLSTATE class 28: a wrong password, 28P01; a role that does not
 * exist, 28000) fails start-up at once, on one line that keeps the server's reason: waiting does
 * not change the answer, so the backoff that serves a database still starting up would only delay
 * the report. The wrong password needs a server of its own whose {@code pg_hba.conf} asks for
 * passwords, since the shared test server trusts every local login.
 */
class LoginRefusedTest {

  /** Long enough that a single retry would show in the time a start-up takes. */
  private static final Duration BACKOFF = Duration.ofSeconds(3);

  private static EmbeddedPostgres server;

  @TempDir Path dir;

  @BeforeAll
  static void startAServerThatAsksForPasswords() throws Exception {
    server = EmbeddedPostgresql.builder().start();
    String admin = server.getJdbcUrl("postgres", "postgres");
    String data = TestDatabase.column(admin, "SHOW data_directory").get(0);
    // The superuser keeps its trusted login; every other role must give its password.
    TestDatabase.execute(
        admin,
        "CREATE ROLE app LOGIN PASSWORD 'right'",
        "CREATE DATABASE appdb OWNER app",
        "COPY (VALUES ('local all all trust'), ('host all postgres 127.0.0.1/32 trust'),"
            + " ('host all postgres ::1/128 trust'), ('host all all 127.0.0.1/32 scram-sha-256'),"
            + " ('host all all ::1/128 scram-sha-256')) TO '"
            + data
            + "/pg_hba.conf'",
        "SELECT pg_reload_conf()");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private MigrationRegistry registry() {
    return RegistryCompiler.compile(dir, List.of(table("a")));
  }

  private static String app(String password) {
    return "jdbc:postgresql://localhost:"
        + server.getPort()
        + "/appdb?user=app&password="
        + password;
  }

  @Test
  void theRightPasswordLogsIn() {
    Retort retort = Retort.builder(registry()).url(app("right")).build();

    assertEquals(List.of("a"), retort.upgradeOnStartup().revisions());
  }

  @Test
  void aWrongPasswordFailsStartupAtOnceWithTheServersReason() {
    Retort retort = Retort.builder(registry()).url(app("wrong")).startupRetry(3, BACKOFF).build();

    long start = System.nanoTime();
    RetortException e = assertThrows(RetortException.class, retort::upgradeOnStartup);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertEquals(
        "could not connect to "
            + app("***")
            + ": FATAL: password authentication failed for user \"app\"; the database refused"
            + " the login, which waiting will not change, so this was not retried: check the"
            + " user name and password",
        e.getMessage());
    assertTrue(elapsed.compareTo(BACKOFF) < 0, "took " + elapsed + ", as if retried");
  }

  @Test
  void aRoleThatDoesNotExistFailsStartupAtOnceToo() throws Exception {
    String url =
        TestDatabase.POSTGRESQL.freshUrl(dir).replace("user=postgres", "user=no_such_role");
    Retort retort = Retort.builder(registry()).url(url).startupRetry(3, BACKOFF).build();

    long start = System.nanoTime();
    RetortException e = assertThrows(RetortException.class, retort::upgradeOnStartup);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertEquals(
        "could not connect to "
            + url
            + ": FATAL: role \"no_such_role\" does not exist; the database refused the login,"
            + " which waiting will not change, so this was not retried: check the user name and"
            + " password",
        e.getMessage());
    assertTrue(elapsed.compareTo(BACKOFF) < 0, "took " + elapsed + ", as if retried");
  }

  @Test
  void theCommandLineSaysSoOnOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit =
          new RetortCli(registry(), null, stream, stream, Map.of("DATABASE_URL", app("wrong")))
              .run("current");
    }

    assertEquals(1, exit);
    assertEquals(
        "FAILED: could not connect to "
            + app("***")
            + ": FATAL: password authentication failed for user \"app\"; the database refused"
            + " the login, which waiting will not change, so this was not retried: check the"
            + " user name and password\n",
        err.toString(StandardCharsets.UTF_8));
    assertFalse(err.toString(StandardCharsets.UTF_8).contains("wrong"));
  }
}
