package dev.retort.graph;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Suggests the declared ids a mistyped one was probably meant to be. */
public final class NearestIds {

  private static final int MAX_SUGGESTIONS = 3;

  private NearestIds() {}

  /** Up to three ids of {@code known} close to {@code wanted}, nearest first, ties by id. */
  public static List<String> of(String wanted, Collection<String> known) {
    int limit = Math.max(2, wanted.length() / 3);
    record Candidate(String id, int distance) {}
    return known.stream()
        .map(id -> new Candidate(id, distance(wanted, id, limit)))
        .filter(c -> c.distance <= limit)
        .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::id))
        .limit(MAX_SUGGESTIONS)
        .map(Candidate::id)
        .toList();
  }

  /** Edit distance, or {@code limit + 1} as soon as it is known to exceed {@code limit}. */
  private static int distance(String a, String b, int limit) {
    if (b.startsWith(a) || a.startsWith(b)) {
      return Math.min(Math.abs(a.length() - b.length()), limit);
    }
    if (Math.abs(a.length() - b.length()) > limit) return limit + 1;
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) return limit + 1;
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
