package dev.retort.schema;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The databases the schema operations render SQL for. */
public enum SqlDialect {
  POSTGRESQL,
  SQLITE;

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

  /** Words that name nothing unquoted in one of the two databases. */
  private static final Set<String> RESERVED =
      Set.of(
          "all",
          "and",
          "as",
          "check",
          "column",
          "constraint",
          "create",
          "default",
          "desc",
          "distinct",
          "drop",
          "else",
          "end",
          "foreign",
          "from",
          "group",
          "having",
          "in",
          "index",
          "key",
          "limit",
          "not",
          "null",
          "on",
          "or",
          "order",
          "primary",
          "references",
          "select",
          "table",
          "then",
          "to",
          "union",
          "unique",
          "user",
          "when",
          "where",
          "with");

  /** The dialect called {@code name}, as {@code MigrationContext.dialect()} names it. */
  public static SqlDialect named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * {@code identifier} as SQL: as it is when it reads the same unquoted (lower case, not a reserved
   * word), else in double quotes, which both databases take.
   */
  public String quote(String identifier) {
    if (PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier)) return identifier;
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
