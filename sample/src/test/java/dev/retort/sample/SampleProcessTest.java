package dev.retort.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  void usageErrorNamesTheProgram() throws Exception {
    Run run = sample("upgrade");
    assertEquals(2, run.exit());
    assertEquals(
        "java -jar retort-sample.jar: 'upgrade' needs TARGET, for example 'upgrade heads'"
            + " (see 'java -jar retort-sample.jar upgrade --help')\n",
        run.err());
  }

  private Run sample(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SampleApp.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().remove("DATABASE_URL");
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
