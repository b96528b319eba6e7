/**
 * Retort's runtime: applies a generated {@code MigrationRegistry} to a database over JDBC, with no
 * reflection and no classpath scanning. Only {@code dev.retort.runtime} is API; the graph,
 * planning, history, dialect and engine packages are internal (the processor reaches the graph core
 * on its class path). The command line is a module of its own, {@code dev.retort.cli} in
 * retort-cli, so that an application that only migrates at start-up carries a small runtime; it
 * alone reads the graph and the engine (for masking passwords in URLs).
 */
module dev.retort.runtime {
  requires transitive dev.retort;
  requires transitive java.sql;
  requires org.slf4j;

  exports dev.retort.runtime;
  exports dev.retort.runtime.graph to
      dev.retort.cli;
  exports dev.retort.runtime.engine to
      dev.retort.cli;
}
