package dev.retort.runtime.dialect;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;

/**
 * Table and schema names come from configuration; only plain identifiers pass, so nothing can be
 * smuggled into the SQL they are spliced into, and only names that fit PostgreSQL's limit of 63
 * bytes, which it enforces by cutting a longer name short without a word.
 */
public final class Identifiers {

  private static final int MAX_LENGTH = 63;
  private static final String HISTORY_SUFFIX = "_history";

  /** The longest version table name whose history table's name fits as well. */
  private static final int MAX_VERSION_TABLE_LENGTH = MAX_LENGTH - HISTORY_SUFFIX.length();

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
   * Returns {@code name} if it may name the version table: a plain identifier short enough that the
   * history table beside it, {@link #historyTable}, is one too.
   */
  public static String versionTable(String name) {
    check("version table", name);
    if (name.length() > MAX_VERSION_TABLE_LENGTH) {
      throw new RetortException(
          ErrorCode.INVALID_IDENTIFIER,
          "version table '"
              + name
              + "' is "
              + name.length()
              + " characters long; use at most "
              + MAX_VERSION_TABLE_LENGTH
              + ", so that its history table '"
              + historyTable(name)
              + "' fits in PostgreSQL's limit of 63 characters for a name; PostgreSQL cuts a"
              + " longer name short without a word, at 63 onto the version table itself");
    }
    return name;
  }

  /** The name of the history table beside version table {@code versionTable}. */
  public static String historyTable(String versionTable) {
    return versionTable + HISTORY_SUFFIX;
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
