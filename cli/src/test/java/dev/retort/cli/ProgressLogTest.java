package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's progress lines reach the user: slf4j-simple (the test backend, as in the sample)
 * writes them to the process's standard error, one INFO line per revision.
 */
class ProgressLogTest {

  @TempDir Path dir;

  @AfterEach
  void clearLevel() {
    System.clearProperty(Logging.SIMPLE_LOGGER_LEVEL);
  }

  @Test
  void oneInfoLinePerRevision() {
    String log =
        stderrOf(() -> Cli.of(Graphs.line(), new SqliteFile(dir).url()).run("upgrade", "heads"));
    List<String> perRevision =
        log.lines().filter(l -> l.contains("INFO") && l.contains("StepRunner")).toList();
    assertEquals(3, perRevision.size(), log);
    assertTrue(perRevision.get(0).contains("a1"), log);
    assertTrue(perRevision.get(1).contains("b2"), log);
    assertTrue(perRevision.get(2).contains("c3"), log);
  }

  @Test
  void verboseAsksSlf4jSimpleForDebug() {
    Cli.Result result = Cli.of(Graphs.line(), null).run("heads", "-v");
    assertEquals(0, result.exit());
    assertEquals("debug", System.getProperty(Logging.SIMPLE_LOGGER_LEVEL));
  }

  @Test
  void withoutVerboseTheConfigurationIsLeftAlone() {
    Cli.Result result = Cli.of(Graphs.line(), null).run("heads");
    assertEquals(0, result.exit());
    assertEquals(null, System.getProperty(Logging.SIMPLE_LOGGER_LEVEL));
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
