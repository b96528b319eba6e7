package dev.retort.sample;

import dev.retort.testkit.TestDatabase;

/** {@link SampleMigrationsTest} on a real PostgreSQL server, a new database for each test. */
class SampleMigrationsOnPostgresqlTest extends SampleMigrationsTest {

  @Override
  String scratchUrl() throws Exception {
    return TestDatabase.POSTGRESQL.freshUrl(dir);
  }

  @Override
  String dialect() {
    return "postgresql";
  }
}
