package dev.retort.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.ReadmeBlocks;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands that run the sample, run as written against the packaged jar, in a working
 * directory of their own as after a fresh clone: the set-up's run, the command-line examples, the
 * {@code history --graph} picture and the run against PostgreSQL (there with the test server's URL
 * in {@code DATABASE_URL}).
 */
class ReadmeCommandsIT {

  private static final String JAR = "sample/target/retort-sample.jar";
  private static final Pattern SAMPLE =
      Pattern.compile("^(?:DATABASE_URL='([^']*)' )?java -jar " + Pattern.quote(JAR) + "(.*)$");

  private static final ReadmeBlocks README = ReadmeBlocks.load();

  @TempDir Path workDir;

  /** What one run of the jar printed. */
  private record Run(int exit, String out, String err) {}

  @Test
  void theSetUpRunMigratesTheSampleDatabase() throws Exception {
    String setUp = README.after("## Set-up").commands().get(0);
    String command = setUp.substring(setUp.indexOf("&& ") + 3, setUp.indexOf('#')).strip();

    Run run = run(command, null);

    assertEquals(0, run.exit(), run.err());
    assertEquals("5d0f2a8b7e19 (head)\nf3b8e1a6c074 (head)\n", run.out());
    assertTrue(Files.isRegularFile(workDir.resolve("data/sample.db")));
  }

  @Test
  void theCommandLineExamplesWorkAfterTheSetUp() throws Exception {
    assertEquals(0, run("java -jar " + JAR, null).exit());
    List<String> commands = README.after("The sample\ndoes, so after the set-up").commands();
    assertEquals(6, commands.size(), commands.toString());

    for (String command : commands) {
      Run run = run(command, null);
      assertEquals(0, run.exit(), command + "\n" + run.err());
    }
  }

  @Test
  void historyGraphPrintsWhatTheReadmeShows() throws Exception {
    String shown = README.after("`history --graph` on the sample:").text();

    Run run = run("java -jar " + JAR + " history --graph", null);

    assertEquals(0, run.exit(), run.err());
    assertEquals(shown, run.out());
  }

  @Test
  void theSampleMigratesPostgresqlGivenByDatabaseUrl() throws Exception {
    List<String> commands = README.after("### The sample against PostgreSQL").commands();
    assertEquals(1, commands.size(), commands.toString());

    Run run = run(commands.get(0), TestDatabase.POSTGRESQL.freshUrl(workDir));

    assertEquals(0, run.exit(), run.err());
    assertEquals("5d0f2a8b7e19 (head)\nf3b8e1a6c074 (head)\n", run.out());
  }

  /**
   * Runs one README command line that starts the sample jar; a {@code DATABASE_URL} it sets is
   * replaced by {@code databaseUrl}, the test server's.
   */
  private Run run(String command, String databaseUrl) throws IOException, InterruptedException {
    Matcher m = SAMPLE.matcher(command);
    assertTrue(m.matches(), "not a command that runs the sample: " + command);
    assertEquals(m.group(1) != null, databaseUrl != null, command);
    Path root = Path.of("").toAbsolutePath().getParent();
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("-jar");
    argv.add(root.resolve(JAR).toString());
    argv.addAll(Arrays.stream(m.group(2).strip().split(" ")).filter(a -> !a.isEmpty()).toList());
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile());
    builder.environment().remove("DATABASE_URL");
    if (databaseUrl != null) builder.environment().put("DATABASE_URL", databaseUrl);
    Path out = workDir.resolve("out.txt");
    Path err = workDir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in 2 minutes");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
