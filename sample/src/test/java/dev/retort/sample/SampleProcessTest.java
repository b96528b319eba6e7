package dev.retort.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample as a user starts it: its own JVM, in a working directory of its own, with no
 * DATABASE_URL, so that it uses {@code ./data/sample.db}. Also where the log lines show.
 */
class SampleProcessTest {

  @TempDir Path workDir;

  /** What a run of the sample's main printed. */
  private record Run(int exit, String out, String err) {}

  @Test
  void startWithoutArgumentsMigratesTheDefaultFileAndPrintsTheCurrentRevisions() throws Exception {
    Run run = sample();
    assertEquals(0, run.exit(), run.err());
    assertEquals("5d0f2a8b7e19 (head)\nf3b8e1a6c074 (head)\n", run.out());
    assertTrue(Files.isRegularFile(workDir.resolve("data/sample.db")));
    // Progress: one INFO line per revision, then the summary.
    List<String> upgraded =
        run.err().lines().filter(l -> l.startsWith("INFO StepRunner - Upgraded ")).toList();
    assertEquals(10, upgraded.size(), run.err());
    assertTrue(upgraded.get(0).contains("3c9a1f7e2b04"), run.err());
    assertTrue(
        run.err().contains("INFO Retort - Database jdbc:sqlite:./data/sample.db now at"),
        run.err());
    // The pool's own start-up chatter stays out of the way.
    assertFalse(run.err().contains("HikariDataSource"), run.err());

    Run again = sample();
    assertEquals(0, again.exit(), again.err());
    assertEquals(run.out(), again.out());
    assertTrue(again.err().contains("nothing to upgrade"), again.err());
  }

  @Test
  void verboseShowsTheSql() throws Exception {
    Run run = sample("-v", "upgrade", "app@head");
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.err().contains("DEBUG LiveContext - 3c9a1f7e2b04: CREATE TABLE users"), run.err());
    Run quiet = sample("current");
    assertEquals(0, quiet.exit(), quiet.err());
    assertFalse(quiet.err().contains("DEBUG"), quiet.err());
  }

  @Test
  void historyGraph() throws Exception {
    Run run = sample("history", "--graph");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        """
        * f3b8e1a6c074 (audit) (head), index audit events by actor and time
        * 0a7e4c92d5b1 (audit) (depends on 3c9a1f7e2b04), create the audit log

        * 5d0f2a8b7e19 (app) (head), index applications by posting and stage, concurrently on \
        PostgreSQL
        * 91c5d3f8a2e7, store e-mail addresses in lower case
        * e6b19d7a2c40 (mergepoint), merge slugs and salary range
        |\\
        | * a03e6c58f1d2, add the salary range to postings
        * | 4f8c3b1d9e27, add companies.slug and fill it from the name
        |/
        * b7d2e9a4c613 (branchpoint), index postings by company and status
        * 8e41b0d27c95, add postings.status, postings.remote and applications.stage
        * 3c9a1f7e2b04 (app), create users, companies, postings and applications
        """,
        run.out());
    assertFalse(Files.exists(workDir.resolve("data")), "history needs no database");
  }

  @Test
  void versionIsPrintedNotMistakenForAnotherOption() throws Exception {
    Run run = sample("--version");
    assertEquals(0, run.exit(), run.err());
    // The version comes from the retort-cli jar's manifest, which the reactor puts on the path.
    assertTrue(run.out().matches("Retort \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void usageErrorNamesTheProgram() throws Exception {
    Run run = sample("upgrade");
    assertEquals(2, run.exit());
    assertEquals(
        "java -jar retort-sample.jar: 'upgrade' needs TARGET, for example 'upgrade heads'"
            + " (see 'java -jar retort-sample.jar upgrade --help')\n",
        run.err());
  }

  /**
   * Every credential form of {@code DATABASE_URL}, at start-up and with {@code -v}, against a real
   * server: the process prints no part of the password, not in Retort's lines, the pool's, the
   * PostgreSQL driver's own warnings nor an uncaught exception; a refused URL or login is one
   * FAILED line that says why. A URL with a good password migrates and logs it masked.
   */
  @Test
  void noUrlFormShowsItsPassword() throws Exception {
    String secret = "S3cr3t-Pa55";
    String fresh = TestDatabase.POSTGRESQL.freshUrl(workDir);
    String server = fresh.substring("jdbc:postgresql://".length(), fresh.indexOf('?'));
    Map<String, String> refused =
        Map.of(
            "jdbc:postgresql://postgres:" + secret + "@" + server,
            "FAILED: the JDBC URL jdbc:postgresql://postgres:***@" + server + " has a user name",
            "postgres://postgres:se/" + secret + "@" + server,
            "FAILED: the database URL postgres://postgres:***@" + server + " has an '@' after",
            "redis://:" + secret + "@cache:6379",
            "FAILED: the database URL must be a JDBC URL",
            "jdbc:mysql://db/app?user=app&password=" + secret,
            "FAILED: Retort supports PostgreSQL (jdbc:postgresql://HOST/DB) and SQLite"
                + " (jdbc:sqlite:FILE), not a jdbc:mysql: URL",
            fresh.replace("user=postgres", "user=no_such_role") + "&password=" + secret,
            "FAILED: could not connect to jdbc:postgresql://" + server);
    for (Map.Entry<String, String> form : refused.entrySet()) {
      for (String[] args : List.of(new String[0], new String[] {"-v", "current"})) {
        Run run = sampleWith(form.getKey(), args);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().startsWith(form.getValue()), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("FAILED: ")).count(), run.err());
        assertEquals(args.length > 0, run.err().contains("\tat "), run.err());
        assertFalse((run.out() + run.err()).contains(secret.substring(0, 3)), run.err());
      }
    }
    Run good = sampleWith(fresh + "&password=" + secret);
    assertEquals(0, good.exit(), good.err());
    assertTrue(good.err().contains("password=*** now at "), good.err());
    assertFalse(good.err().contains(secret), good.err());
  }

  /** A refused login is not retried at start-up: one attempt, however long the pool waits. */
  @Test
  void aRefusedLoginFailsStartupWithoutRetrying() throws Exception {
    String url =
        TestDatabase.POSTGRESQL.freshUrl(workDir).replace("user=postgres", "user=no_such_role");

    long start = System.nanoTime();
    Run run = sampleWith(url);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                "FAILED: could not connect to "
                    + url
                    + ": sample - Connection is not available, request timed out after"),
        run.err());
    assertTrue(
        run.err()
            .contains(
                "(FATAL: role \"no_such_role\" does not exist); the database refused the login,"
                    + " which waiting will not change, so this was not retried"),
        run.err());
    assertFalse(run.err().contains("retrying in"), run.err());
    // The default backoff alone is 2 + 4 + 8 s; the pool waits 5 s for each attempt.
    assertTrue(elapsed.compareTo(Duration.ofSeconds(14)) < 0, "took " + elapsed);
  }

  /**
   * The commands of the README's "Testing your migrations", as written: {@code diff} exits 0 on the
   * migrated database; after a column added by hand it exits 1 and names it.
   */
  @Test
  void theReadmeDiffCommandsWorkAsWritten() throws Exception {
    String program = "java -jar sample/target/retort-sample.jar ";
    List<String> commands =
        ReadmeSection.read(ReadmeTestingSectionTest.HEADING).blocks("sh").get(0).lines().toList();
    assertEquals(List.of(program + "upgrade heads", program + "diff"), commands);
    for (String command : commands) {
      Run run = sample(command.substring(program.length()).split(" "));
      assertEquals(0, run.exit(), run.err());
    }
    TestDatabase.execute(
        "jdbc:sqlite:" + workDir.resolve("data/sample.db"),
        "ALTER TABLE users ADD COLUMN nickname TEXT");

    Run drifted = sample("diff");

    assertEquals(1, drifted.exit(), drifted.err());
    assertTrue(
        drifted.out().contains("  table users, column nickname: added (TEXT)\n"), drifted.out());
  }

  private Run sample(String... args) throws IOException, InterruptedException {
    return sampleWith(null, args);
  }

  /** Runs the sample with {@code DATABASE_URL} set to {@code databaseUrl}, or unset for null. */
  private Run sampleWith(String databaseUrl, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SampleApp.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().remove("DATABASE_URL");
    if (databaseUrl != null) builder.environment().put("DATABASE_URL", databaseUrl);
    Path out = workDir.resolve("out.txt");
    Path err = workDir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the sample did not finish in 2 minutes");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
