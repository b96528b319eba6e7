package dev.retort.cli;

/** The registries the command-line tests share. */
final class Graphs {

  private Graphs() {}

  /**
   * A job board: the {@code app} line branches after {@code b2} and merges again at {@code e5}; the
   * independent {@code audit} line depends on the users table of {@code a1}.
   */
  static TestRegistry jobBoard() {
    return TestRegistry.create()
        .labelled("a1", "app", "create users")
        .rev("b2", "create companies", "a1")
        .rev("c3", "create postings", "b2")
        .rev("d4", "index companies", "b2")
        .rev("e5", "merge postings and index", "c3", "d4")
        .labelled("f6", "audit", "create audit log")
        .depending("g7", "a1", "audit users", "f6");
  }

  /** A straight line of three revisions. */
  static TestRegistry line() {
    return TestRegistry.create()
        .rev("a1", "first")
        .rev("b2", "second", "a1")
        .rev("c3", "third", "b2");
  }
}
