package dev.retort.runtime.dialect;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.util.regex.Pattern;

/**
 * Table and schema names come from configuration; only plain identifiers pass, so nothing can be
 * smuggled into the SQL they are spliced into.
 */
public final class Identifiers {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private Identifiers() {}

  /** Returns {@code name} if it is a plain identifier, else throws naming {@code what}. */
  public static String check(String what, String name) {
    if (name == null || !PLAIN.matcher(name).matches()) {
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
}
