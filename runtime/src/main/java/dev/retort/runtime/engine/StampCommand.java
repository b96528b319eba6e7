package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.runtime.history.History;
import dev.retort.runtime.history.HistoryEntry;
import dev.retort.runtime.history.StoredRows;
import dev.retort.runtime.plan.VersionRows;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code stamp}: sets the version rows without running any migration. */
public final class StampCommand {

  // Logged under the facade's name, like the other summary lines.
  private static final Logger LOG = LoggerFactory.getLogger(Retort.class);

  private final Catalog catalog;
  private final SessionTemplate sessions;

  StampCommand(Catalog catalog, SessionTemplate sessions) {
    this.catalog = catalog;
    this.sessions = sessions;
  }

  /**
   * Stamps {@code target}: the rows on its lines are replaced, others kept; {@code purge} first
   * clears every row, also rows this application does not know or {@code NULL}. The history records
   * the stamp, which resolves the unfinished non-transactional revisions it covers ({@link
   * RevisionGraph#stampCovers}) and no other. A version table lost beside its history is created
   * again.
   */
  public MigrationResult stamp(String target, boolean purge) {
    long start = System.nanoTime();
    return sessions.run(
        "stamp",
        Retry.NONE,
        session -> {
          sessions.lock(session);
          RowChecks checks = sessions.checks().rows();
          StoredRows stored = session.storedForStamp();
          List<String> before = purge ? stored.ids() : checks.known(checks.nonNull(stored));
          List<String> stamped = catalog.upgradeTarget(target, before);
          List<String> rows = catalog.graph().stampRows(purge ? List.of() : before, stamped);
          Map<String, String> recorded = entries(session.history(), before, rows, stamped);
          session.stamp(rows, recorded);
          LOG.info(
              "Database {} stamped from {} to {}",
              sessions.describe(),
              VersionRows.describe(before),
              VersionRows.describe(rows));
          return new MigrationResult(
              before, rows, List.of(), Duration.ofNanos(System.nanoTime() - start));
        });
  }

  /**
   * What the history records for a stamp, by revision id, with the checksum of each: the stamped
   * revisions (or base) and every unfinished revision the stamp covers, which the history then
   * reads as resolved; an unfinished revision gets its checksum only where the stamp says it is
   * applied.
   */
  private Map<String, String> entries(
      History history, List<String> before, List<String> rows, List<String> stamped) {
    Map<String, String> recorded = new TreeMap<>();
    if (stamped.isEmpty()) {
      recorded.put(History.BASE, ""); // covers every revision
      return recorded;
    }
    stamped.forEach(id -> recorded.put(id, checksum(id)));
    RevisionGraph graph = catalog.graph();
    List<String> known = before.stream().filter(graph::contains).toList();
    Set<String> covered = new HashSet<>(graph.stampCovers(known, rows, stamped));
    Set<String> applied = catalog.planner().applied(rows);
    Set<String> unresolved = new TreeSet<>();
    for (HistoryEntry unfinished : history.incomplete()) {
      String id = unfinished.revision();
      if (!covered.contains(id)) unresolved.add(id);
      else recorded.putIfAbsent(id, applied.contains(id) ? checksum(id) : "");
    }
    if (!unresolved.isEmpty()) {
      LOG.warn(
          "Unfinished revision(s) {} are not covered by this stamp and stay unresolved; nothing"
              + " runs until each is stamped as done or undone ('check' says how)",
          String.join(", ", unresolved));
    }
    return recorded;
  }

  private String checksum(String id) {
    return catalog.find(id).map(RevisionInfo::checksum).orElse("");
  }
}
