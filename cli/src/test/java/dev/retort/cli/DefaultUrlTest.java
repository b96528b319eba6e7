package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's default database, given to {@code RetortCli.run(registry, defaultUrl, args)}:
 * used when neither {@code --url} nor {@code DATABASE_URL} names one, as the README promises.
 */
class DefaultUrlTest {

  @TempDir Path dir;

  @Test
  void theStaticRunTakesTheApplicationsDefaultUrl() throws Exception {
    assumeTrue(System.getenv(DatabaseUrl.VARIABLE) == null, "DATABASE_URL would take precedence");
    SqliteFile db = new SqliteFile(dir);
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int upgraded;
    int current;
    try (PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(captured);
      upgraded = RetortCli.run(Graphs.line(), db.url(), new String[] {"upgrade", "heads"});
      current = RetortCli.run(Graphs.line(), db.url(), new String[] {"current"});
    } finally {
      System.setOut(stdout);
    }
    assertEquals(0, upgraded);
    assertEquals(0, current);
    assertEquals(List.of("c3"), db.versions("retort_version"));
    assertEquals("c3 (head)\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void urlOptionAndEnvironmentComeBeforeTheDefault() throws Exception {
    SqliteFile db = new SqliteFile(dir);
    SqliteFile other = new SqliteFile(Files.createDirectory(dir.resolve("other")));
    RetortCli cli =
        new RetortCli(Graphs.line(), null, System.out, System.err, Map.of())
            .withDefaultUrl(other.url());
    assertEquals(0, cli.run("upgrade", "+1", "--url", db.url()));
    assertEquals(List.of("a1"), db.versions("retort_version"));
    assertEquals(0, cli.run("upgrade", "heads"));
    assertEquals(List.of("c3"), other.versions("retort_version"));
  }
}
