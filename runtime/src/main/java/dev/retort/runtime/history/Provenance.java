package dev.retort.runtime.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * For each revision, the history entry that last put it in the database: its upgrade, else the
 * stamp that covered it; a downgrade or a stamp of base forgets it.
 */
public final class Provenance {

  private Provenance() {}

  /**
   * Reads {@code entries}, oldest first; {@code covered} gives the revisions a stamp of a revision
   * records (it and its ancestors, those the graph knows).
   */
  public static Map<String, HistoryEntry> of(
      List<HistoryEntry> entries, Function<String, List<String>> covered) {
    Map<String, HistoryEntry> last = new HashMap<>();
    for (HistoryEntry entry : entries) {
      if (entry.outcome() != Outcome.SUCCEEDED) continue;
      switch (entry.action()) {
        case UP -> last.put(entry.revision(), entry);
        case DOWN -> last.remove(entry.revision());
        case STAMP -> {
          if (entry.revision().equals(History.BASE)) last.clear();
          // What ran before the stamp keeps its own entry; the stamp speaks for the rest.
          for (String id : covered.apply(entry.revision())) last.putIfAbsent(id, entry);
        }
        case REPAIR -> {}
      }
    }
    return last;
  }
}
