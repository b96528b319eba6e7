/**
 * Retort's test kit for JUnit 5: {@code dev.retort.test.MigrationTests} proves that every revision
 * of a registry round-trips, walks a stairway through the graph, tests data migrations and keeps a
 * committed schema file; {@link dev.retort.test.SchemaSnapshot} is the schema they compare.
 */
// "requires-automatic": zonky's jar has no module name of its own.
@SuppressWarnings("requires-automatic")
module dev.retort.test {
  requires transitive dev.retort.runtime;
  requires transitive org.junit.jupiter.api;
  // PostgresForTests only: an optional dependency
  requires static embedded.postgres;

  exports dev.retort.test;
}
