/**
 * Retort's command line: Alembic's verbs for an application's {@code main}, over the runtime. A
 * module of its own so that an application that only migrates at start-up does not carry it.
 */
module dev.retort.cli {
  requires transitive dev.retort.runtime;
  requires dev.retort.graph;

  exports dev.retort.runtime.cli;
}
