package dev.retort.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.sample.db.SampleMigrations;
import dev.retort.test.MigrationTests;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample's migrations tested with retort-test, as an application tests its own: every
 * revision's round trip and a stairway on SQLite and PostgreSQL, the committed schema of each, and
 * the e-mail migration's data.
 */
class SampleMigrationsTest {

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyRevisionRoundTripsOnSqlite() {
    return MigrationTests.roundTrip(
        SampleMigrations.registry(), "jdbc:sqlite:" + dir.resolve("t.db"));
  }

  @TestFactory
  Stream<DynamicTest> everyRevisionRoundTripsOnPostgresql() throws Exception {
    return MigrationTests.roundTrip(
        SampleMigrations.registry(), TestDatabase.POSTGRESQL.freshUrl(dir));
  }

  @TestFactory
  Stream<DynamicTest> stairwayOnSqlite() {
    return MigrationTests.stairway(
        SampleMigrations.registry(), "jdbc:sqlite:" + dir.resolve("s.db"));
  }

  @TestFactory
  Stream<DynamicTest> stairwayOnPostgresql() throws Exception {
    return MigrationTests.stairway(
        SampleMigrations.registry(), TestDatabase.POSTGRESQL.freshUrl(dir));
  }

  /** The schema at heads, committed beside the tests: a schema change shows in review. */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theSchemaIsTheCommittedOne(TestDatabase db) throws Exception {
    String file =
        "src/test/resources/schema-" + db.name().toLowerCase(java.util.Locale.ROOT) + ".txt";
    MigrationTests.assertSchema(SampleMigrations.registry(), db.freshUrl(dir), Path.of(file));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void emailAddressesAreStoredInLowerCase(TestDatabase db) throws Exception {
    MigrationTests.dataMigration(
        SampleMigrations.registry(),
        db.freshUrl(dir),
        "91c5d3f8a2e7",
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "INSERT INTO users (email, name) VALUES (' Ann@Example.ORG', 'Ann'),"
                    + " ('bob@example.org', 'Bob')");
          }
        },
        c -> assertEquals(List.of("ann@example.org", "bob@example.org"), emails(c)));
  }

  private static List<String> emails(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT email FROM users ORDER BY email")) {
      List<String> emails = new ArrayList<>();
      while (rs.next()) emails.add(rs.getString(1));
      return emails;
    }
  }
}
