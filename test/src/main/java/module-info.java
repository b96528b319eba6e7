/**
 * Retort's test kit for JUnit 5: {@code dev.retort.test.MigrationTests} proves that every revision
 * of a registry round-trips, walks a stairway through the graph, tests data migrations and keeps a
 * committed schema file; {@code dev.retort.runtime.SchemaSnapshot} is the schema they compare.
 */
module dev.retort.test {
  requires transitive dev.retort.runtime;
  requires transitive org.junit.jupiter.api;

  exports dev.retort.test;
}
