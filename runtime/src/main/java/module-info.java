/**
 * Retort's runtime: applies a generated {@code MigrationRegistry} to a database over JDBC, with no
 * reflection and no classpath scanning. Only {@code dev.retort.runtime} and the command line
 * {@code dev.retort.runtime.cli} are API; the graph, planning, history, dialect and engine
 * packages are internal (the processor reaches the graph core on its class path).
 */
module dev.retort.runtime {
  requires transitive dev.retort;
  requires transitive java.sql;
  requires org.slf4j;

  exports dev.retort.runtime;
  exports dev.retort.runtime.cli;
}
