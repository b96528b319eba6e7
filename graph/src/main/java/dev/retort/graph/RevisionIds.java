package dev.retort.graph;

import java.util.Locale;
import java.util.Set;

/**
 * The rules a revision id must follow, once for the compiler and the runtime: every id can be
 * written as a target, printed in a message and stored in a version table.
 *
 * <p>An id is at most {@value #MAX_LENGTH} characters, because Alembic's version table holds it in
 * {@code version_num VARCHAR(32)}: a longer id would run its migration and then fail to be recorded
 * in a table Alembic created, leaving the database blocked. A branch label is not stored there, so
 * it follows the other rules but not the length.
 */
public final class RevisionIds {

  /** The longest id, in characters: the width of Alembic's {@code version_num VARCHAR(32)}. */
  public static final int MAX_LENGTH = 32;

  private static final Set<String> RESERVED = Set.of("head", "heads", "base");

  private RevisionIds() {}

  /** What is wrong with {@code id} as a revision id, or {@code null} when it is well formed. */
  static String problem(String id) {
    String form = formProblem(id);
    if (form != null) return form;
    int length = id.codePointCount(0, id.length());
    if (length > MAX_LENGTH) {
      return "has "
          + length
          + " characters, more than the "
          + MAX_LENGTH
          + " a version table holds (Alembic's version_num is VARCHAR(32))";
    }
    return null;
  }

  /**
   * What is wrong with {@code name} as a revision id or a branch label, length aside, or {@code
   * null} when it is well formed: both are written in targets and printed in messages.
   */
  static String formProblem(String name) {
    if (name.isEmpty()) return "is empty";
    if (RESERVED.contains(name)) return "is reserved: 'head', 'heads' and 'base' are target names";
    if (name.startsWith("-")) return "starts with '-', which reads as a relative target";
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (c == '@' || c == '+' || c == ':') {
        return "contains '" + (char) c + "', which has a meaning in targets";
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return "contains whitespace";
      if (!printable(c)) {
        return "contains the unprintable character " + codePoint(c) + ", which no one can type";
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** Not a control or format character, not an unpaired surrogate, not unassigned or private. */
  private static boolean printable(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.UNASSIGNED,
          Character.PRIVATE_USE ->
          false;
      default -> true;
    };
  }

  /** {@code U+0000}. */
  private static String codePoint(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }

  /**
   * {@code text} for a message: each unprintable character, and each whitespace character other
   * than the space, written as {@code \\uXXXX}.
   */
  static String shown(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean blank = c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c));
      if (printable(c) && !blank) {
        shown.appendCodePoint(c);
      } else {
        shown.append(String.format(Locale.ROOT, "\\u%04x", c));
      }
      i += Character.charCount(c);
    }
    return shown.toString();
  }
}
