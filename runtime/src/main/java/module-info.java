/**
 * Retort's runtime: applies a generated {@code MigrationRegistry} to a database over JDBC, with no
 * reflection and no classpath scanning. Only {@code dev.retort.runtime} is API; the planning,
 * history, dialect and engine packages are internal. The command line is a module of its own,
 * {@code dev.retort.cli} in retort-cli, over the same API, so that an application that only
 * migrates at start-up carries a small runtime.
 */
// "module": the test kit, to which a package is exported, is built after the runtime.
@SuppressWarnings("module")
module dev.retort.runtime {
  requires transitive dev.retort;
  requires transitive java.sql;
  requires dev.retort.graph;
  requires org.slf4j;

  exports dev.retort.runtime;
  // The scratch databases and schema readers, for the test kit's round trips.
  exports dev.retort.runtime.schema to
      dev.retort.test;
}
