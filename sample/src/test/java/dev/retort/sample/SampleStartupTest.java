package dev.retort.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the sample's start-up fails: one line, no password. */
class SampleStartupTest {

  @TempDir Path dir;

  @Test
  void databaseUrlOfAnotherKind() {
    App.Result result = new App("mysql://jobs:s3cret@db.example.com/jobs").run();
    assertEquals(1, result.exit());
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("FAILED: the database URL must be a JDBC URL"));
    assertEquals(1, result.err().lines().count(), result.err());
    assertFalse(result.err().contains("s3cret"), result.err());
  }

  @Test
  void failingRevisionStopsTheStart() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("broken.db");
    // A table in the way of the first revision.
    TestDatabase.execute(url, "CREATE TABLE users (id INTEGER)");
    App.Result result = new App(url).run();
    assertEquals(1, result.exit());
    assertEquals("", result.out());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("FAILED: upgrade of revision '3c9a1f7e2b04'"), result.err());
    assertTrue(result.err().contains("CREATE TABLE users"), result.err());
  }
}
