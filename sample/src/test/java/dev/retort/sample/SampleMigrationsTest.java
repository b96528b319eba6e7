package dev.retort.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.sample.db.SampleMigrations;
import dev.retort.test.MigrationTests;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's migrations tested with retort-test, as an application tests its own, on SQLite;
 * {@link SampleMigrationsOnPostgresqlTest} runs the same on PostgreSQL. The README's section
 * "Testing your migrations" shows this class from its declaration on.
 */
class SampleMigrationsTest {

  @TempDir Path dir;

  /** A new, empty database for each test (the kit refuses one that holds data). */
  String scratchUrl() throws Exception {
    return "jdbc:sqlite:" + dir.resolve("scratch.db");
  }

  @TestFactory
  Stream<DynamicTest> everyRevisionRoundTrips() throws Exception {
    return MigrationTests.roundTrip(SampleMigrations.registry(), scratchUrl());
  }

  @TestFactory
  Stream<DynamicTest> stairway() throws Exception {
    return MigrationTests.stairway(SampleMigrations.registry(), scratchUrl());
  }

  @Test
  void theSchemaAtHeadsIsTheCommittedOne() throws Exception {
    Path expected = Path.of("src/test/resources/schema-" + dialect() + ".txt");
    MigrationTests.assertSchema(SampleMigrations.registry(), scratchUrl(), expected);
  }

  @Test
  void emailAddressesAreStoredInLowerCase() throws Exception {
    MigrationTests.dataMigration(
        SampleMigrations.registry(),
        scratchUrl(),
        "91c5d3f8a2e7",
        c -> execute(c, "INSERT INTO users (email, name) VALUES (' Ann@Example.ORG', 'Ann')"),
        c -> assertEquals("ann@example.org", email(c)));
  }

  String dialect() {
    return "sqlite";
  }

  private static void execute(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String email(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT email FROM users")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
