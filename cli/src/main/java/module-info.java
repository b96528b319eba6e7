/**
 * Retort's command line: Alembic's verbs for an application's {@code main}, over the runtime's
 * public API ({@code dev.retort.runtime}). A module of its own so that an application that only
 * migrates at start-up does not carry it.
 */
module dev.retort.cli {
  requires transitive dev.retort.runtime;
  // The nearest-name suggestions for a mistyped verb or option; the graph itself comes from the
  // runtime's GraphView.
  requires dev.retort.graph;

  exports dev.retort.cli;
}
