package dev.retort.runtime.cli;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The command line's verbs, with the arguments and options each accepts. */
enum Verb {
  UPGRADE(
      "upgrade",
      "TARGET",
      1,
      1,
      "Upgrade the database to TARGET. TARGET is heads, head, an id or a unique prefix of one,"
          + " LABEL@head, +N or ID+N. With --sql, print the script for TARGET or FROM:TO instead"
          + " of running it.",
      Option.SQL),
  DOWNGRADE(
      "downgrade",
      "TARGET",
      1,
      1,
      "Downgrade the database to TARGET. TARGET is base, an id or a unique prefix of one,"
          + " LABEL@base, -N or ID-N. With --sql, print the script for a range FROM:TO, such as"
          + " heads:base.",
      Option.SQL),
  CURRENT("current", "", 0, 0, "Print the database's current revision(s)."),
  HEADS("heads", "", 0, 0, "Print the heads of the revision graph."),
  BRANCHES("branches", "", 0, 0, "Print the branch points and the revisions they branch into."),
  HISTORY(
      "history",
      "",
      0,
      0,
      "Print the revisions, newest first. -r limits them to a range FROM:TO; --graph draws"
          + " them like git log --graph; --format prints Graphviz or Mermaid source.",
      Option.RANGE,
      Option.GRAPH,
      Option.FORMAT),
  SHOW("show", "REV", 1, 1, "Print everything about one revision."),
  STAMP(
      "stamp",
      "REV",
      1,
      1,
      "Set the version rows to REV without running any migration.",
      Option.PURGE),
  CHECK(
      "check",
      "",
      0,
      0,
      "Check that the database is up to date. Exits 0 when it is at the heads with nothing"
          + " changed or unfinished; else 1, saying what is pending."),
  REVISION(
      "revision",
      "",
      0,
      0,
      "Write a new migration class on the head. It revises the registry's head, or --head"
          + " REV when there are several; with several heads and no --head, it merges them.",
      Option.MESSAGE,
      Option.DIR,
      Option.PACKAGE,
      Option.ID,
      Option.HEAD),
  MERGE(
      "merge",
      "[REV...]",
      0,
      Integer.MAX_VALUE,
      "Write a migration class that merges heads. It revises the REVs named, or all heads"
          + " when none are; two or more.",
      Option.MESSAGE,
      Option.DIR,
      Option.PACKAGE,
      Option.ID);

  private final String verbName;
  private final String arguments;
  private final int minArguments;
  private final int maxArguments;
  private final String summary;
  private final Set<Option> options;

  Verb(String verbName, String arguments, int min, int max, String summary, Option... options) {
    this.verbName = verbName;
    this.arguments = arguments;
    this.minArguments = min;
    this.maxArguments = max;
    this.summary = summary;
    this.options =
        options.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.of(options[0], options);
  }

  /** The verb spelled {@code name}. */
  static Optional<Verb> named(String name) {
    for (Verb verb : values()) {
      if (verb.verbName.equals(name)) return Optional.of(verb);
    }
    return Optional.empty();
  }

  String verbName() {
    return verbName;
  }

  /** The positional arguments as the help shows them, such as {@code TARGET}. */
  String arguments() {
    return arguments;
  }

  int minArguments() {
    return minArguments;
  }

  int maxArguments() {
    return maxArguments;
  }

  String summary() {
    return summary;
  }

  /** The verb's own options; the global ones apply too. */
  Set<Option> options() {
    return options;
  }

  /** Whether {@code option} may be given with this verb. */
  boolean accepts(Option option) {
    return option.global() || options.contains(option);
  }
}
