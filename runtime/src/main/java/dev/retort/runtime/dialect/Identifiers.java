package dev.retort.runtime.dialect;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;

/**
 * Table and schema names come from configuration; only plain identifiers pass, so nothing can be
 * smuggled into the SQL they are spliced into.
 */
public final class Identifiers {

  private static final int MAX_LENGTH = 63;

  private Identifiers() {}

  /** Returns {@code name} if it is a plain identifier, else throws naming {@code what}. */
  public static String check(String what, String name) {
    if (!isPlain(name)) {
      throw new RetortException(
          ErrorCode.INVALID_IDENTIFIER,
          what
              + " '"
              + name
              + "' is not a plain identifier; use letters, digits and '_' (not leading),"
              + " at most 63 characters");
    }
    return name;
  }

  /**
   * {@code [A-Za-z_][A-Za-z0-9_]{0,62}}, without a regular expression: this runs at every start.
   */
  private static boolean isPlain(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) return false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) return false;
    }
    return true;
  }
}
