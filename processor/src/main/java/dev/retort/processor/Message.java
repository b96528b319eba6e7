package dev.retort.processor;

import static javax.tools.Diagnostic.Kind.ERROR;
import static javax.tools.Diagnostic.Kind.WARNING;

import dev.retort.graph.GraphProblem;
import dev.retort.graph.Messages;
import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports: its stable key, its kind and its text. The code reports
 * through this catalogue only, and the tests and the README's list of keys are held against it.
 *
 * <p>The texts of graph rules live in the graph module ({@link Messages}), because the runtime
 * reports the same problems in the same words; their entries here carry the key and the kind, and
 * {@link #of(GraphProblem)} finds the entry of a problem the graph reports.
 */
public enum Message {
  // The graph's rules: worded by the graph module.

  MISSING_REVISION(Messages.MISSING_REVISION, ERROR),
  DUPLICATE_ID(Messages.DUPLICATE_ID, ERROR),
  MALFORMED_ID(Messages.MALFORMED_ID, ERROR),
  CYCLE(Messages.CYCLE, ERROR),
  MALFORMED_LABEL(Messages.MALFORMED_LABEL, ERROR),
  DUPLICATE_LABEL(Messages.DUPLICATE_LABEL, ERROR),
  /** An error unless {@code -Aretort.multipleHeads=warn} makes it a warning where it is found. */
  MULTIPLE_HEADS(Messages.MULTIPLE_HEADS, ERROR),

  // The processor's own rules and problems: worded here, with the arguments each takes.

  /** Arguments: the revision id, the class. */
  MISSING_DOWNGRADE(
      "MissingDowngrade",
      ERROR,
      "revision '%s' (%s) does not override downgrade(MigrationContext); write the downgrade, or"
          + " mark the class @Irreversible(\"why it cannot be undone\")"),
  /** Argument: the class. */
  IRREVERSIBLE_REASON(
      "IrreversibleReason",
      ERROR,
      "@Irreversible on %s gives no reason; say why the revision cannot be undone, it is shown"
          + " when a downgrade is refused"),
  /** Arguments: the revision id, the class. */
  UNREACHABLE_DOWNGRADE(
      "UnreachableDowngrade",
      WARNING,
      "revision '%s' (%s) is @Irreversible but writes downgrade(MigrationContext), which will"
          + " never run: a downgrade through an irreversible revision is refused; remove the"
          + " method, or remove @Irreversible if the revision can be undone"),
  /** Arguments: the revision id, the class. */
  NO_CHECKSUM(
      "NoChecksum",
      WARNING,
      "the source of revision '%s' (%s) cannot be read in this build, so the registry holds no"
          + " checksum for it and drift detection is off for it: a change to the class after it is"
          + " applied will go unnoticed; compile it from source, or put its source folder on the"
          + " compiler's -sourcepath"),
  /** Argument: the class. */
  NOT_A_MIGRATION(
      "NotAMigration",
      ERROR,
      "%s is annotated @Revision but does not implement dev.retort.Migration; add 'implements"
          + " Migration' with upgrade and downgrade methods"),
  /** Argument: the type. */
  NOT_A_CLASS(
      "NotAClass",
      ERROR,
      "%s is annotated @Revision but is not a concrete class; put @Revision on a non-abstract"
          + " class that implements Migration"),
  /** Argument: the class. */
  NO_CONSTRUCTOR(
      "NoConstructor",
      ERROR,
      "%s has no accessible no-argument constructor, which the generated registry calls; add one"
          + " (it may be package-private when the registry is in the same package)"),
  /** Arguments: the class, the registry. */
  INACCESSIBLE(
      "Inaccessible",
      ERROR,
      "%s cannot be instantiated from the generated registry %s; make it public (and static if"
          + " nested), or put the registry in its package with -Aretort.registry"),
  /** Arguments: the class, the registry. Same key: the class is out of the registry's reach. */
  IN_UNNAMED_PACKAGE(
      "Inaccessible",
      ERROR,
      "%s is in the unnamed package, which the generated registry %s cannot refer to from its"
          + " package; move the class into a named package"),
  /** Arguments: the option, the value given, what it expects. */
  OPTION("Option", ERROR, "-A%s=%s is not valid; expected %s"),
  // PostgreSQL safety checks of the SQL a revision executes (dev.retort.processor.lint).

  /** Argument: the statement, such as CREATE INDEX. */
  CONCURRENTLY_IN_TRANSACTION(
      "ConcurrentlyInTransaction",
      ERROR,
      "%s CONCURRENTLY cannot run inside a transaction block, and this revision is transactional;"
          + " set @Revision(transactional = false) on it"),
  /** Arguments: the statement, what it locks. */
  INDEX_WITHOUT_CONCURRENTLY(
      "IndexWithoutConcurrently",
      WARNING,
      "%1$s without CONCURRENTLY blocks writes to %2$s while it runs; use %1$s CONCURRENTLY in a"
          + " revision with @Revision(transactional = false)"),
  /** Arguments: the column, the table. */
  NOT_NULL_WITHOUT_DEFAULT(
      "NotNullWithoutDefault",
      WARNING,
      "adding column '%s' NOT NULL without a default fails when table '%s' has rows; give it a"
          + " DEFAULT, or add it nullable, backfill it, then set NOT NULL"),
  /** Arguments: the function, the column, the table. */
  VOLATILE_DEFAULT(
      "VolatileDefault",
      WARNING,
      "the volatile default %s() makes adding column '%s' rewrite table '%s' under an exclusive"
          + " lock; add the column without a default, then set the default and backfill in"
          + " batches"),
  /** Arguments: the column, the table. */
  COLUMN_TYPE(
      "ColumnType",
      WARNING,
      "changing the type of column '%s' rewrites table '%s' under an exclusive lock; add a column"
          + " of the new type, backfill it, then switch over"),
  /** Arguments: the column, the table. */
  SET_NOT_NULL(
      "SetNotNull",
      WARNING,
      "SET NOT NULL on column '%1$s' scans table '%2$s' under an exclusive lock; add CHECK (%1$s"
          + " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later revision, then SET NOT NULL"),
  /** Arguments: the constraint kind, the table. */
  CONSTRAINT_WITHOUT_NOT_VALID(
      "ConstraintWithoutNotValid",
      WARNING,
      "ADD %s on table '%s' checks every row under a lock that blocks writes; add it NOT VALID,"
          + " then VALIDATE CONSTRAINT in a later revision"),
  /** Arguments: the constraint kind, the table. */
  UNIQUE_CONSTRAINT(
      "UniqueConstraint",
      WARNING,
      "ADD %1$s on table '%2$s' builds its index under a lock that blocks writes; CREATE UNIQUE"
          + " INDEX CONCURRENTLY first, then ADD CONSTRAINT ... %1$s USING INDEX"),
  /** Argument: what is renamed. */
  RENAME(
      "Rename",
      WARNING,
      "renaming %s breaks the version of the application still running with the old name; add the"
          + " new name beside the old one and move over in steps"),
  /** Arguments: the column, the table. */
  DROP_COLUMN(
      "DropColumn",
      WARNING,
      "dropping column '%s' of table '%s' breaks the version of the application still reading it;"
          + " stop using the column in one release, drop it in the next"),
  /** Argument: the table. */
  DROP_TABLE(
      "DropTable",
      WARNING,
      "dropping table '%s' breaks the version of the application still using it; stop using the"
          + " table in one release, drop it in the next"),
  /** Argument: the table. */
  TRUNCATE(
      "Truncate",
      WARNING,
      "TRUNCATE of table '%s' deletes every row under a lock that blocks reads and writes; delete"
          + " in batches, or accept the rule with @Accepted if the rows are disposable"),
  /** Arguments: the rule, the class. */
  ACCEPTED_REASON(
      "AcceptedReason",
      ERROR,
      "@Accepted(rule = \"%s\") on %s gives no reason; say why the statement is safe here"),
  /** Arguments: the rule, the class, the rules. */
  ACCEPTED_RULE(
      "AcceptedRule",
      ERROR,
      "@Accepted(rule = \"%s\") on %s names no safety check; the checks are %s"),
  /** Argument: the value given. */
  LINT_OPTION(
      "LintOption",
      WARNING,
      "-Aretort.lint=%s is not a choice, so the safety checks report as warnings; choose"
          + " -Aretort.lint=error, warn or off"),
  /** Arguments: the option given, "did you mean -A...? " or nothing. */
  UNKNOWN_OPTION(
      "UnknownOption",
      WARNING,
      "-A%s is not an option of Retort, so it is ignored; %sRetort's options are"
          + " -Aretort.registry=CLASS, -Aretort.multipleHeads=error|warn and"
          + " -Aretort.lint=error|warn|off"),
  /** Arguments: where the revision classes are, the default registry's simple name. */
  UNNAMED_REGISTRY(
      "UnnamedRegistry",
      ERROR,
      "the revision classes %s, so the default registry %s would be in the unnamed package, which"
          + " no class in a package can use; name the registry with"
          + " -Aretort.registry=com.example.db.Migrations, or put the revisions in a package"),
  /** No arguments: it is reported on the late class. */
  LATE_REVISION(
      "LateRevision",
      ERROR,
      "this @Revision class appeared after the registry was generated (it was produced by another"
          + " annotation processor); declare revisions in hand-written sources"),
  /** Arguments: the registry, the reason. */
  WRITE(
      "Write",
      ERROR,
      "could not write the registry %s: %s; if a class of that name already exists, name the"
          + " registry with -Aretort.registry=..."),
  /** Argument: the stack trace. */
  INTERNAL(
      "Internal",
      ERROR,
      "the Retort processor failed unexpectedly; please report this as a bug with the following"
          + " trace:\n%s");

  private final String key;
  private final Diagnostic.Kind kind;
  private final String template;

  /** A graph rule: the text comes from the graph module. */
  Message(String key, Diagnostic.Kind kind) {
    this(key, kind, null);
  }

  Message(String key, Diagnostic.Kind kind, String template) {
    this.key = key;
    this.kind = kind;
    this.template = template;
  }

  /** The stable key, such as {@code Cycle}, that the text starts with as {@code [Retort/Cycle]}. */
  public String key() {
    return key;
  }

  /** Error or warning: how it is reported unless an option says otherwise. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** Whether the text comes from the graph module rather than from {@link #format}. */
  public boolean fromGraph() {
    return template == null;
  }

  /**
   * The text with {@code args} filled in, starting with {@code [Retort/KEY]}.
   *
   * @throws IllegalStateException for a graph rule, whose text the graph module writes
   */
  public String format(Object... args) {
    if (template == null) {
      throw new IllegalStateException(key + " is worded by the graph module");
    }
    return "[Retort/" + key + "] " + String.format(Locale.ROOT, template, args);
  }

  /** The entry of a problem the graph reports. */
  public static Message of(GraphProblem problem) {
    for (Message m : values()) {
      if (m.fromGraph() && m.key.equals(problem.key())) return m;
    }
    throw new IllegalStateException("no diagnostic for graph problem " + problem.key());
  }
}
