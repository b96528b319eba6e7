package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verb run on a fleet of SQLite files given by --urls: one line a target, then the summary. */
class FleetCommandTest {

  @TempDir Path dir;
  private Path urls;
  private final Cli cli = Cli.of(Graphs.line(), null);

  @BeforeEach
  void threeDatabases() throws Exception {
    urls = dir.resolve("urls.txt");
    Files.writeString(
        urls,
        "# tenants\n"
            + "jdbc:sqlite:"
            + dir.resolve("one.db")
            + "\n\njdbc:sqlite:"
            + dir.resolve("two.db")
            + "\njdbc:sqlite:"
            + dir.resolve("three.db")
            + "\n");
  }

  private String url(String name) {
    return "jdbc:sqlite:" + dir.resolve(name);
  }

  @Test
  void upgradeRunsOnEveryTargetAndCheckSaysEachIsUpToDate() throws Exception {
    Cli.Result upgrade = cli.run("upgrade", "heads", "--urls", urls.toString(), "--parallel", "2");

    assertEquals(0, upgrade.exit(), upgrade.err());
    List<String> lines = upgrade.lines();
    assertEquals(url("one.db") + ": migrated at c3", lines.get(0));
    assertEquals(url("three.db") + ": migrated at c3", lines.get(2));
    assertTrue(lines.get(3).matches("3 targets in [0-9.]+ s: 3 migrated"), lines.get(3));

    Cli.Result check = cli.run("check", "--urls", urls.toString());
    assertEquals(0, check.exit(), check.err());
    assertEquals(url("two.db") + ": current, up to date", check.lines().get(1));
  }

  @Test
  void aFailedTargetMakesTheExitCodeOneAndTheOthersStillRun() throws Exception {
    dev.retort.testkit.TestDatabase.execute(url("two.db"), "CREATE TABLE t_b2 (id INTEGER)");

    Cli.Result result = cli.run("upgrade", "heads", "--urls", urls.toString());

    assertEquals(1, result.exit());
    assertEquals(url("one.db") + ": migrated at c3", result.lines().get(0));
    assertTrue(
        result.lines().get(1).startsWith(url("two.db") + ": failed (upgrade of revision 'b2' "),
        result.lines().get(1));
    assertEquals(url("three.db") + ": migrated at c3", result.lines().get(2));
    assertTrue(result.lines().get(3).endsWith("2 migrated, 1 failed"), result.lines().get(3));
  }

  @Test
  void aFleetAndSqlDoNotGoTogether() {
    Cli.Result result = cli.run("upgrade", "--sql", "heads", "--urls", urls.toString());

    assertEquals(2, result.exit());
    assertTrue(
        result.err().contains("--sql writes one script, a fleet runs on databases"), result.err());
  }
}
