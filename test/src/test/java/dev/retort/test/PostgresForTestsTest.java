package dev.retort.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-line PostgreSQL of a user's tests: a real server, a new empty database each call. */
class PostgresForTestsTest {

  @TempDir Path dir;

  @Test
  void eachCallGivesANewEmptyDatabaseOnARealServer() throws Exception {
    String first = PostgresForTests.freshDatabase();
    String second = PostgresForTests.freshDatabase();

    assertNotEquals(first, second);
    TestDatabase.execute(first, "CREATE TABLE t (id INTEGER)");
    assertEquals(List.of("t"), TestDatabase.POSTGRESQL.tables(first));
    assertEquals(List.of(), TestDatabase.POSTGRESQL.tables(second));
    assertEquals(
        List.of("PostgreSQL"), TestDatabase.column(second, "SELECT substr(version(), 1, 10)"));
  }

  @Test
  void aRoundTripRunsOnIt() {
    Map<String, String> outcomes =
        Outcomes.of(
            MigrationTests.roundTrip(
                RegistryCompiler.compile(dir, List.of(RevisionSpec.table("a1"))),
                PostgresForTests.freshDatabase()));

    assertEquals(Map.of("a1 (revision a1)", "passed"), outcomes);
  }
}
