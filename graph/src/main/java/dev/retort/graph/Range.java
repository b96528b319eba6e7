package dev.retort.graph;

import java.util.Optional;

/**
 * A range of revisions written {@code FROM:TO}, as {@code history -r} and offline SQL take it.
 * Either side may be left out ({@code b2:}, {@code :e5}); text without a colon is TO alone, as in
 * {@code upgrade --sql heads}.
 *
 * @param from the lower end, as written, unless left out
 * @param to the upper end, as written, unless left out
 */
public record Range(Optional<String> from, Optional<String> to) {

  /** The range {@code text} names. */
  public static Range parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) return new Range(Optional.empty(), given(text));
    return new Range(given(text.substring(0, colon)), given(text.substring(colon + 1)));
  }

  private static Optional<String> given(String side) {
    return side.isEmpty() ? Optional.empty() : Optional.of(side);
  }
}
