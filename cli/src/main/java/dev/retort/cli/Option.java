package dev.retort.cli;

import java.util.List;
import java.util.Optional;

/** The command line's options: the global ones, accepted with every verb, and the verbs' own. */
enum Option {
  URL("--url", null, "JDBC_URL", true, "the database (else $DATABASE_URL, else the app's default)"),
  VERSION_TABLE(
      "--version-table", null, "NAME", true, "the version table (default retort_version)"),
  SCHEMA(
      "--schema",
      null,
      "NAME",
      true,
      "the schema of the version table (default: the connection's)"),
  VERBOSE(
      "--verbose", "-v", null, true, "more detail: full revision entries, DEBUG logs with the SQL"),
  HELP("--help", "-h", null, true, "show help, for the program or for one verb"),
  VERSION("--version", null, null, true, "print Retort's version"),
  SQL("--sql", null, null, false, "print the SQL script instead of running it (offline mode)"),
  DIALECT(
      "--dialect",
      null,
      "postgresql|sqlite",
      false,
      "with --sql: the database the script is for (no --url)",
      null,
      URL),
  RANGE(
      "--rev-range", "-r", "RANGE", false, "only the revisions of FROM:TO (either side optional)"),
  GRAPH("--graph", null, null, false, "draw the revision graph, like git log --graph"),
  FORMAT(
      "--format",
      null,
      "dot|mermaid",
      false,
      "print the graph as Graphviz dot or Mermaid source",
      null,
      GRAPH),
  PURGE("--purge", null, null, false, "clear every version row first, also unknown ones"),
  MESSAGE(
      "--message",
      "-m",
      "MSG",
      false,
      "the description; the class is named after it",
      "-m MSG, the description",
      null),
  DIR(
      "--dir",
      null,
      "DIR",
      false,
      "the source root (or the package's folder) to write into",
      "--dir DIR, such as --dir src/main/java",
      null),
  PACKAGE("--package", null, "PKG", false, "the package (default: that of the existing revisions)"),
  ID("--id", null, "ID", false, "the revision id (default: 12 random hex digits)"),
  HEAD("--head", null, "REV", false, "the head to build on, when there are several"),
  SCRATCH_URL(
      "--scratch-url",
      null,
      "JDBC_URL",
      false,
      "where to build the schema (default: a temporary SQLite file)"),
  DDL_LOCK_TIMEOUT(
      "--ddl-lock-timeout", null, "TIME", false, "a PostgreSQL lock wait before giving way (5s)"),
  SCHEMAS(
      "--schemas",
      null,
      "LIST",
      false,
      "a fleet: these schemas (comma-separated) of the --url database"),
  SCHEMAS_LIKE(
      "--schemas-like",
      null,
      "PATTERN",
      false,
      "a fleet: the schemas of the --url database LIKE PATTERN"),
  URLS("--urls", null, "FILE", false, "a fleet: the databases of FILE, one JDBC URL a line"),
  PARALLEL("--parallel", null, "N", false, "how many targets of a fleet at a time (default 4)"),
  FAIL_FAST("--fail-fast", null, null, false, "start no target of a fleet after a failure"),
  CANARY(
      "--canary", null, null, false, "run a fleet's first target alone, the rest if it succeeds");

  /** The options that make a verb run on a fleet of targets, and those that tune one. */
  static final List<Option> FLEET =
      List.of(SCHEMAS, SCHEMAS_LIKE, URLS, PARALLEL, FAIL_FAST, CANARY);

  private final String longName;
  private final String shortName;
  private final String valueName;
  private final boolean global;
  private final String help;
  private final String requirement;
  private final Option excludes;

  Option(String longName, String shortName, String valueName, boolean global, String help) {
    this(longName, shortName, valueName, global, help, null, null);
  }

  /**
   * An option with rules of its own.
   *
   * @param requirement how a message names it when a verb that requires it lacks it
   * @param excludes the option it cannot be given with, or null
   */
  Option(
      String longName,
      String shortName,
      String valueName,
      boolean global,
      String help,
      String requirement,
      Option excludes) {
    this.longName = longName;
    this.shortName = shortName;
    this.valueName = valueName;
    this.global = global;
    this.help = help;
    this.requirement = requirement;
    this.excludes = excludes;
  }

  /** The option spelled {@code name}, long ({@code --url}) or short ({@code -v}). */
  static Optional<Option> named(String name) {
    for (Option option : values()) {
      if (option.longName.equals(name) || name.equals(option.shortName)) return Optional.of(option);
    }
    return Optional.empty();
  }

  String longName() {
    return longName;
  }

  /** Whether the option is followed by a value. */
  boolean takesValue() {
    return valueName != null;
  }

  /** Whether the option applies to every verb. */
  boolean global() {
    return global;
  }

  /** How the help shows the option: {@code -m, --message MSG}. */
  String synopsis() {
    return (shortName == null ? "" : shortName + ", ")
        + longName
        + (valueName == null ? "" : " " + valueName);
  }

  String help() {
    return help;
  }

  /** How a message asks for it: {@code -m MSG, the description}. */
  String requirement() {
    return requirement == null ? synopsis() : requirement;
  }

  /** The values it may take, when its value name lists them ({@code dot|mermaid}); else empty. */
  List<String> choices() {
    return valueName != null && valueName.contains("|")
        ? List.of(valueName.split("\\|"))
        : List.of();
  }

  /** The option it cannot be given with. */
  Optional<Option> excludes() {
    return Optional.ofNullable(excludes);
  }
}
