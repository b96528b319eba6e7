package dev.retort.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line's verbs, each in one place: its arguments with a usage example, its options (and
 * those it requires), whether it needs a database, and the handler that runs it.
 */
enum Verb {
  UPGRADE(
      "upgrade",
      Positionals.one("TARGET", "'upgrade heads'"),
      true,
      "Upgrade the database to TARGET. TARGET is heads, head, an id or a unique prefix of one,"
          + " LABEL@head, +N or ID+N. With --sql, print the script for TARGET or FROM:TO instead"
          + " of running it, for the database --dialect names (or --url: nothing connects).",
      MigrateCommands::upgrade,
      withFleet(Option.SQL, Option.DIALECT, Option.DDL_LOCK_TIMEOUT)),
  DOWNGRADE(
      "downgrade",
      Positionals.one("TARGET", "'downgrade -1' or 'downgrade base'"),
      true,
      "Downgrade the database to TARGET. TARGET is base, an id or a unique prefix of one,"
          + " LABEL@base, -N or ID-N. With --sql, print the script for a range FROM:TO, such as"
          + " heads:base, for the database --dialect names (or --url: nothing connects).",
      MigrateCommands::downgrade,
      withFleet(Option.SQL, Option.DIALECT, Option.DDL_LOCK_TIMEOUT)),
  CURRENT(
      "current",
      Positionals.NONE,
      true,
      "Print the database's current revision(s).",
      ReadCommands::current,
      withFleet()),
  HEADS(
      "heads",
      Positionals.NONE,
      false,
      "Print the heads of the revision graph.",
      ReadCommands::heads,
      List.of()),
  BRANCHES(
      "branches",
      Positionals.NONE,
      false,
      "Print the branch points and the revisions they branch into.",
      ReadCommands::branches,
      List.of()),
  HISTORY(
      "history",
      Positionals.NONE,
      false,
      "Print the revisions, newest first. -r limits them to a range FROM:TO; --graph draws"
          + " them like git log --graph; --format prints Graphviz or Mermaid source.",
      HistoryCommand::run,
      List.of(Option.RANGE, Option.GRAPH, Option.FORMAT)),
  SHOW(
      "show",
      Positionals.one("REV", "'show rev'"),
      false,
      "Print everything about one revision.",
      ReadCommands::show,
      List.of()),
  STAMP(
      "stamp",
      Positionals.one("REV", "'stamp heads'"),
      true,
      "Set the version rows to REV without running any migration.",
      MigrateCommands::stamp,
      withFleet(Option.PURGE)),
  CHECK(
      "check",
      Positionals.NONE,
      true,
      "Check that the database is up to date. Exits 0 when it is at the heads with nothing"
          + " changed or unfinished; else 1, saying what is pending.",
      ReadCommands::check,
      withFleet()),
  REPAIR(
      "repair",
      Positionals.NONE,
      true,
      "After an intentional edit of applied revisions, record their current checksums and list"
          + " them; the history records who did it. Runs no migration.",
      RepairCommand::run,
      List.of()),
  DIFF(
      "diff",
      Positionals.NONE,
      true,
      "Compare the database's schema with the one the revisions build at heads, built in a"
          + " scratch database: a temporary SQLite file, or for PostgreSQL the empty database"
          + " --scratch-url names. Exits 0 when they match; else 1, listing the differences.",
      DiffCommand::run,
      List.of(Option.SCRATCH_URL)),
  REVISION(
      "revision",
      Positionals.NONE,
      false,
      "Write a new migration class on the head. It revises the registry's head; when there are"
          + " several, name the one to build on with --head REV (such as --head LABEL@head), or"
          + " join them with 'merge'.",
      ScaffoldCommand::revision,
      List.of(Option.MESSAGE, Option.DIR, Option.PACKAGE, Option.ID, Option.HEAD),
      Option.MESSAGE,
      Option.DIR),
  MERGE(
      "merge",
      Positionals.any("[REV...]"),
      false,
      "Write a migration class that merges heads. It revises the REVs named, or all heads"
          + " when none are; two or more.",
      ScaffoldCommand::merge,
      List.of(Option.MESSAGE, Option.DIR, Option.PACKAGE, Option.ID),
      Option.MESSAGE,
      Option.DIR),
  HELP(
      "help",
      new Positionals("[VERB]", 0, 1, ""),
      false,
      "Show help, for the program or for one VERB (as --help does).",
      Help::answeredBeforeRunning,
      List.of());

  /** {@code options} and the fleet options, for the verbs that can run on many targets. */
  private static List<Option> withFleet(Option... options) {
    List<Option> all = new java.util.ArrayList<>(List.of(options));
    all.addAll(Option.FLEET);
    return List.copyOf(all);
  }

  /** Runs a verb; returns the exit code. */
  @FunctionalInterface
  interface Handler {
    int run(Command command);
  }

  /**
   * The positional arguments a verb takes.
   *
   * @param synopsis how the help shows them, such as {@code TARGET}
   * @param min how many at least
   * @param max how many at most
   * @param example a usage example for the message when they are missing
   */
  record Positionals(String synopsis, int min, int max, String example) {

    static final Positionals NONE = new Positionals("", 0, 0, "");

    /** Exactly one. */
    static Positionals one(String synopsis, String example) {
      return new Positionals(synopsis, 1, 1, example);
    }

    /** Any number, none included. */
    static Positionals any(String synopsis) {
      return new Positionals(synopsis, 0, Integer.MAX_VALUE, "");
    }
  }

  private final String verbName;
  private final Positionals positionals;
  private final boolean needsDatabase;
  private final String summary;
  private final Handler handler;
  private final Set<Option> options;
  private final Set<Option> required;

  Verb(
      String verbName,
      Positionals positionals,
      boolean needsDatabase,
      String summary,
      Handler handler,
      List<Option> options,
      Option... required) {
    this.verbName = verbName;
    this.positionals = positionals;
    this.needsDatabase = needsDatabase;
    this.summary = summary;
    this.handler = handler;
    this.options = options.isEmpty() ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(options);
    this.required =
        required.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(List.of(required));
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

  /** The positional arguments it takes. */
  Positionals positionals() {
    return positionals;
  }

  /** Whether it reads or writes the database, unless {@code --sql} makes it print a script. */
  boolean needsDatabase() {
    return needsDatabase;
  }

  String summary() {
    return summary;
  }

  /** The verb's own options; the global ones apply too. */
  Set<Option> options() {
    return options;
  }

  /** The options it cannot do without. */
  Set<Option> required() {
    return required;
  }

  /** Whether {@code option} may be given with this verb. */
  boolean accepts(Option option) {
    return option.global() || options.contains(option);
  }

  /** Runs the verb; returns the exit code. */
  int run(Command command) {
    return handler.run(command);
  }
}
