package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
import dev.retort.runtime.ChecksumRepair;
import dev.retort.runtime.Retort;
import dev.retort.runtime.history.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code repair} (Flyway's name): after an intentional edit of an applied revision, records the
 * registry's checksum of each applied revision whose recorded one differs, of whatever kind, as a
 * {@code repair} entry of the history with who did it. It runs nothing and moves no version row;
 * it resolves no unfinished revision, which only a stamp does.
 */
public final class RepairCommand {

  // Logged under the facade's name, like the other summary lines.
  private static final Logger LOG = LoggerFactory.getLogger(Retort.class);

  private final Catalog catalog;
  private final SessionTemplate sessions;

  RepairCommand(Catalog catalog, SessionTemplate sessions) {
    this.catalog = catalog;
    this.sessions = sessions;
  }

  /** Records the changed checksums under the migration lock; returns them, sorted by id. */
  public List<ChecksumRepair> repair() {
    return sessions.run(
        "repair",
        Retry.NONE,
        session -> {
          sessions.lock(session);
          List<String> rows = sessions.checks().rows().checked(session.stored());
          List<ChecksumRepair> repairs = changed(session.history(), rows);
          Map<String, String> recorded = new TreeMap<>();
          for (ChecksumRepair r : repairs) recorded.put(r.revision(), r.recorded());
          if (!recorded.isEmpty()) session.repair(recorded);
          if (repairs.isEmpty()) {
            LOG.info(
                "Database {}: every applied revision's checksum is as recorded; nothing repaired",
                sessions.describe());
          } else {
            LOG.info(
                "Database {}: recorded the current checksums of applied revision(s) {}",
                sessions.describe(),
                String.join(", ", recorded.keySet()));
          }
          return repairs;
        });
  }

  private List<ChecksumRepair> changed(History history, List<String> rows) {
    Set<String> applied = catalog.planner().applied(rows);
    List<ChecksumRepair> repairs = new ArrayList<>();
    for (Map.Entry<String, String> stored : new TreeMap<>(history.checksums()).entrySet()) {
      RevisionInfo info = catalog.find(stored.getKey()).orElse(null);
      if (info == null || !applied.contains(info.id()) || info.checksum().isEmpty()) continue;
      if (!info.checksum().equals(stored.getValue())) {
        repairs.add(new ChecksumRepair(info.id(), stored.getValue(), info.checksum()));
      }
    }
    return repairs;
  }
}
