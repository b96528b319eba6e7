package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Version tables that no run of Retort leaves, as hand edits, other tools and adopted databases
 * make them: each is named with what to do, nothing runs on it, and the way out the message names
 * works.
 */
class BrokenVersionTableTest {

  @TempDir Path dir;

  /** a <- b <- c. */
  private Retort retort(String url) {
    return Retort.builder(
            RegistryCompiler.compile(dir, List.of(table("a"), table("b", "a"), table("c", "b"))))
        .url(url)
        .build();
  }

  /** Each command that reads the version rows, with its name for failure messages. */
  private static Map<String, Executable> readers(Retort retort) {
    return Map.of(
        "current", retort::current,
        "check", retort::check,
        "upgrade", () -> retort.upgrade("heads"),
        "upgradeOnStartup", retort::upgradeOnStartup,
        "downgrade", () -> retort.downgrade("base"));
  }

  private static void eachRefuses(Map<String, Executable> commands, String message) {
    commands.forEach(
        (name, command) -> {
          RetortException e = assertThrows(RetortException.class, command, name);
          assertEquals(ErrorCode.INVALID_VERSION_TABLE, e.code(), name + ": " + e.getMessage());
          assertEquals(message, e.getMessage(), name);
        });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNullRowIsNamedAndStampPurgeReplacesIt(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    TestDatabase.execute(
        url,
        "CREATE TABLE retort_version (version_num VARCHAR(32))",
        "INSERT INTO retort_version (version_num) VALUES ('b')",
        "INSERT INTO retort_version (version_num) VALUES (NULL)");
    Retort retort = retort(url);
    String message =
        "the version table \"retort_version\" holds a row whose version_num is NULL (besides b),"
            + " which names no revision and which Retort never writes: the table was changed by"
            + " hand or by another tool; record the real state with 'stamp --purge REVISION',"
            + " which replaces every row";

    eachRefuses(readers(retort), message);
    eachRefuses(Map.of("stamp", () -> retort.stamp("b", false)), message);

    assertEquals(List.of("b"), retort.stamp("b", true).after());
    assertEquals(List.of("b"), DbState.versionRows(url));
    assertEquals(List.of("b"), retort.current());
    assertEquals(List.of("c"), retort.upgrade("heads").revisions());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theIdsOfAnAdoptedCharColumnAreReadWithoutTheirPadding(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    // PostgreSQL pads CHAR(32) values to 32 characters; SQLite stores them as given.
    TestDatabase.execute(
        url,
        "CREATE TABLE retort_version (version_num CHAR(32) NOT NULL PRIMARY KEY)",
        "INSERT INTO retort_version (version_num) VALUES ('a')",
        "CREATE TABLE t_a (id INTEGER PRIMARY KEY)");
    Retort retort = retort(url);

    assertEquals(List.of("a"), retort.current());
    assertEquals(List.of("b", "c"), retort.check().pending());
    assertEquals(List.of("b", "c"), retort.upgrade("heads").revisions());
    assertEquals(List.of("c"), retort.current());
    assertTrue(retort.check().upToDate());
    assertEquals(List.of("c", "b"), retort.downgrade("a").revisions());
    assertEquals(List.of("a"), retort.current());
    assertEquals(List.of("b"), retort.stamp("b", false).after());
    assertEquals(List.of("b"), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRowThatIsAnAncestorOfAnotherIsReportedAndAStampRemovesIt(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort = retort(url);
    retort.upgrade("b");
    TestDatabase.execute(url, "INSERT INTO retort_version (version_num) VALUES ('a')");

    assertEquals(List.of("a", "b"), retort.current(), "current shows the rows as they are");
    Map<String, Executable> readers = new HashMap<>(readers(retort));
    readers.remove("current");
    eachRefuses(
        readers,
        "the version table \"retort_version\" holds 'a' and 'b', but 'a' is an ancestor of 'b',"
            + " which Retort never leaves: the table was changed by hand or by another tool; if"
            + " 'b' is applied, 'stamp b' removes the row of 'a'; if not, record the real state"
            + " with 'stamp --purge REVISION'");
    assertEquals(List.of("a", "b"), DbState.versionRows(url), "nothing ran or changed");

    assertEquals(List.of("b"), retort.stamp("b", false).after());
    assertEquals(List.of("b"), DbState.versionRows(url));
    assertEquals(List.of("c"), retort.upgrade("heads").revisions());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aVersionTableDroppedBesideItsHistoryIsNotReadAsBaseAndAStampCreatesItAgain(TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    Retort retort = retort(url);
    retort.upgrade("b");
    TestDatabase.execute(url, "DROP TABLE retort_version");

    eachRefuses(
        readers(retort),
        "the version table \"retort_version\" is missing, but its history table"
            + " \"retort_version_history\" is there, so revisions were applied and which are"
            + " applied now is unknown; record the real state with 'stamp REVISION', which creates"
            + " the version table again");
    assertFalse(TestDatabase.tableExists(url, "retort_version"), "nothing created it");
    assertEquals(List.of("a up true", "b up true"), DbState.history(url), "nothing ran");

    assertEquals(List.of("b"), retort.stamp("b", false).after());
    assertEquals(List.of("b"), retort.current());
    assertEquals(List.of("c"), retort.upgrade("heads").revisions());
  }
}
