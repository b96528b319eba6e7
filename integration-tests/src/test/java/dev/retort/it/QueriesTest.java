package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.Status;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** current, heads, branches, history, show and check: read-only views of graph and database. */
class QueriesTest {

  @TempDir Path dir;

  /** a <- b, a <- c, merge m revises {b, c}; x depends on b on its own labelled line. */
  private Retort retort(String url) {
    return Retort.builder(
            RegistryCompiler.compile(
                dir,
                List.of(
                    table("a").labelled("app"),
                    table("b", "a"),
                    table("c", "a"),
                    table("m", "b", "c"),
                    table("x").labelled("audit").dependingOn("b"))))
        .url(url)
        .build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void headsBranchesHistoryAndShowDescribeTheGraph(TestDatabase db) throws Exception {
    Retort retort = retort(db.freshUrl(dir));

    assertEquals(List.of("m", "x"), ids(retort.heads()));
    assertEquals(List.of("a"), ids(retort.branches()));
    assertEquals(List.of("x", "m", "c", "b", "a"), ids(retort.history()));
    assertEquals(List.of("m", "b"), ids(retort.history("b:m")));
    assertEquals(List.of("m", "c", "b", "a"), ids(retort.history(":m")));
    RevisionInfo shown = retort.show("x");
    assertEquals(List.of("b"), shown.dependsOn());
    assertEquals(List.of("audit"), shown.branchLabels());
    assertEquals("revision x", shown.description());
    assertEquals(64, shown.checksum().length());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void currentIsEmptyOnANewDatabaseAndCreatesNothing(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    // A new SQLite database is a file with no Retort tables; one that does not exist at all is
    // refused, naming it (ReadOnlyCommandsTest).
    if (db == TestDatabase.SQLITE) TestDatabase.execute(url, "CREATE TABLE unrelated (x INTEGER)");

    assertEquals(List.of(), retort(url).current());
    assertFalse(TestDatabase.tableExists(url, "retort_version"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void checkListsPendingRevisionsUntilTheDatabaseIsAtTheHeads(TestDatabase db) throws Exception {
    Retort retort = retort(db.freshUrl(dir));
    retort.upgrade("b");

    Status partial = retort.check();
    assertFalse(partial.upToDate());
    assertEquals(List.of("b"), partial.current());
    assertEquals(List.of("m", "x"), partial.heads());
    assertEquals(List.of("c", "m", "x"), partial.pending());

    retort.upgrade("heads");
    Status done = retort.check();
    assertTrue(done.upToDate(), done.toString());
    assertEquals(List.of("m", "x"), done.current());
  }

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }
}
