package dev.retort.runtime;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The cause of a {@link RetortException} with the passwords masked out of its messages: drivers put
 * the URL in their messages ("Unable to parse URL jdbc:...", "No suitable driver found for
 * jdbc:..."), and a program that logs the exception with its causes would print them. A chain with
 * nothing to mask is kept as it is; otherwise each exception of it is copied with its masked
 * message, its stack trace, its SQLSTATE and error code, and prints with its original class's name.
 */
final class MaskedCause extends SQLException {

  private static final long serialVersionUID = 1L;

  /** The class of the exception this copies, which {@link #toString} shows. */
  private final String type;

  private MaskedCause(Throwable original, Throwable cause) {
    super(
        SafeText.mask(original.getMessage()),
        original instanceof SQLException sql ? sql.getSQLState() : null,
        original instanceof SQLException sql ? sql.getErrorCode() : 0,
        cause);
    this.type = original.getClass().getName();
    setStackTrace(original.getStackTrace());
  }

  /** {@code cause}, or a copy with every password masked when any of its messages shows one. */
  static Throwable of(Throwable cause) {
    if (cause == null || !showsPassword(cause, identitySet())) return cause;
    return copy(cause, identitySet());
  }

  private static boolean showsPassword(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) return false;
    String message = t.getMessage();
    if (message != null && !message.equals(SafeText.mask(message))) return true;
    for (Throwable suppressed : t.getSuppressed()) {
      if (showsPassword(suppressed, seen)) return true;
    }
    return showsPassword(t.getCause(), seen);
  }

  private static Throwable copy(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) return null;
    MaskedCause copy = new MaskedCause(t, copy(t.getCause(), seen));
    for (Throwable suppressed : t.getSuppressed()) {
      Throwable masked = copy(suppressed, seen);
      if (masked != null) copy.addSuppressed(masked);
    }
    return copy;
  }

  private static Set<Throwable> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? type : type + ": " + message;
  }
}
