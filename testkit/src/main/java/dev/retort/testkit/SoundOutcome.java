package dev.retort.testkit;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Retort does in a recorded target scenario where it differs from Alembic on purpose: an
 * Alembic defect the data marks, or a deliberate departure. {@code sound-outcomes.txt} beside the
 * data lists each with its reason.
 *
 * @param kind what the outcome is
 * @param applied for {@link Kind#APPLIED}, the applied revisions after, sorted; else empty
 * @param reason why Retort differs from Alembic here
 */
public record SoundOutcome(Kind kind, Set<String> applied, String reason) {

  /** The outcomes. */
  public enum Kind {
    /** The command is refused and changes nothing. */
    REFUSED,
    /** The database is left as it was, whether the command is refused or does nothing. */
    UNCHANGED,
    /** The command runs, and the revision Alembic refused to downgrade to stays applied. */
    KEPT,
    /** The command runs and leaves exactly {@link #applied} applied. */
    APPLIED
  }

  /** {@code refused}, {@code unchanged}, {@code kept} or {@code applied:a,b,c}. */
  static SoundOutcome parse(String token, String reason) {
    if (token.startsWith("applied:")) {
      List<String> ids = List.of(token.substring("applied:".length()).split(","));
      return new SoundOutcome(Kind.APPLIED, new TreeSet<>(ids), reason);
    }
    return new SoundOutcome(
        Kind.valueOf(token.toUpperCase(java.util.Locale.ROOT)), Set.of(), reason);
  }
}
