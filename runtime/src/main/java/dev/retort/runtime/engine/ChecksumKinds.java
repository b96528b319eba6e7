package dev.retort.runtime.engine;

/**
 * Which checksums can be compared. A checksum names its kind before a colon ({@code v2:...}, the
 * sum of a revision's code without comments and layout); one without a colon is of the first kind,
 * the sum of the raw source text that earlier versions recorded. Sums of different kinds say
 * nothing about each other, so they are never drift; a first-kind sum stored for a revision the
 * registry sums by a later kind is recorded again, once, under the migration lock.
 */
final class ChecksumKinds {

  private ChecksumKinds() {}

  /** Whether {@code stored} and {@code current}, both known, differ as sums of the same kind. */
  static boolean drifted(String stored, String current) {
    return !stored.isEmpty()
        && !current.isEmpty()
        && kind(stored).equals(kind(current))
        && !stored.equals(current);
  }

  /** Whether {@code stored} is a first-kind sum that {@code current} supersedes. */
  static boolean superseded(String stored, String current) {
    return !stored.isEmpty() && kind(stored).isEmpty() && !kind(current).isEmpty();
  }

  private static String kind(String checksum) {
    int colon = checksum.indexOf(':');
    return colon < 0 ? "" : checksum.substring(0, colon);
  }
}
