package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** repair, on a real SQLite file. */
class RepairCommandTest {

  @TempDir Path dir;
  private SqliteFile db;
  private Cli cli;

  @BeforeEach
  void setUp() {
    db = new SqliteFile(dir);
    cli = Cli.of(Graphs.jobBoard(), db.url());
  }

  @Test
  void repairRecordsTheChangedChecksumListsItAndCheckPassesAfter() throws Exception {
    assertEquals(0, cli.run("upgrade", "heads").exit());
    String current =
        db.strings("SELECT checksum FROM retort_version_history WHERE revision = 'c3'").get(0);
    db.execute("UPDATE retort_version_history SET checksum = 'edited' WHERE revision = 'c3'");
    assertEquals(1, cli.run("check").exit());

    Cli.Result result = cli.run("repair");

    assertEquals(0, result.exit(), result.err());
    assertEquals("Recorded the checksum of c3: edited -> " + current + "\n", result.out());
    assertEquals(0, cli.run("check").exit());
    assertEquals(
        List.of("c3|" + current),
        db.strings(
            "SELECT revision || '|' || checksum FROM retort_version_history"
                + " WHERE direction = 'repair' AND applied_by IS NOT NULL"));
    Cli.Result again = cli.run("repair");
    assertEquals(0, again.exit());
    assertEquals(
        "Nothing to repair: every applied revision's checksum is as recorded\n", again.out());
  }

  @Test
  void repairIsListedInTheHelp() {
    Cli.Result result = cli.run("--help");
    assertTrue(result.out().contains("repair"), result.out());
  }
}
