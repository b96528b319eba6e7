package dev.retort.runtime.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the history says before a command runs: the non-transactional steps that failed or never
 * finished and that no stamp resolved since (their effects may be partial, so nothing may run until
 * someone resolves them), and the checksum each revision had when it was last applied or stamped.
 *
 * <p>A stamp resolves only what it covers. Its command records an entry for each revision it stamps
 * and for each unfinished revision it covers, so that here a stamp entry of a revision resolves
 * that revision, and a stamp of {@code base}, which states that nothing is applied, resolves every
 * one. A later successful step of the same revision resolves it too: nothing runs while it is
 * unresolved, so such a step ran after someone resolved it, as histories written before stamps
 * recorded what they resolve show.
 *
 * @param incomplete unresolved non-transactional steps, oldest first
 * @param checksums the checksum of each revision when it was last applied, stamped or repaired,
 *     by id; revisions applied without a recorded checksum are absent
 */
public record History(List<HistoryEntry> incomplete, Map<String, String> checksums) {

  /** What a stamp of base records as its revision. */
  public static final String BASE = "base";

  /** The history of a database without a history table. */
  public static final History EMPTY = new History(List.of(), Map.of());

  /** The history that {@code entries}, oldest first, tell. */
  public static History of(List<HistoryEntry> entries) {
    List<HistoryEntry> incomplete = new ArrayList<>();
    Map<String, String> checksums = new HashMap<>();
    for (HistoryEntry entry : entries) {
      boolean succeeded = entry.outcome() == Outcome.SUCCEEDED;
      if (entry.action() == Action.STAMP && entry.revision().equals(BASE)) incomplete.clear();
      // A repair records a checksum only: it says nothing about an unfinished step's effects.
      if (succeeded && entry.action() != Action.REPAIR) {
        incomplete.removeIf(unfinished -> unfinished.revision().equals(entry.revision()));
      }
      if (!entry.transactional() && !succeeded) incomplete.add(entry);
      boolean applied =
          entry.action() == Action.UP
              || entry.action() == Action.STAMP
              || entry.action() == Action.REPAIR;
      if (succeeded && applied && !entry.checksum().isEmpty()) {
        checksums.put(entry.revision(), entry.checksum());
      }
    }
    return new History(List.copyOf(incomplete), checksums);
  }
}
