package dev.retort.schema;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The checks on what the operations are given, so that a mistake fails where it is made. */
final class Names {

  private static final Set<String> ACTIONS =
      Set.of("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION");

  private Names() {}

  /** {@code name}, if it is a name both databases can hold: 1 to 63 characters, no NUL. */
  static String check(String what, String name) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty() || name.length() > 63 || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "the " + what + " name '" + name + "' must be 1 to 63 characters, without NUL");
    }
    return name;
  }

  /** {@code names}, quoted as {@code dialect} needs, separated by commas. */
  static String list(SqlDialect dialect, java.util.List<String> names) {
    return String.join(", ", names.stream().map(dialect::quote).toList());
  }

  /** A referential action, in upper case. */
  static String action(String action) {
    String upper = action.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (!ACTIONS.contains(upper)) {
      throw new IllegalArgumentException(
          "ON DELETE "
              + action
              + " is not an action; give CASCADE, SET NULL, SET DEFAULT,"
              + " RESTRICT or NO ACTION");
    }
    return upper;
  }
}
