package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.runtime.history.StoredRows;
import dev.retort.runtime.plan.VersionRows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
   * the stamp, which resolves any unfinished non-transactional revision. A version table lost
   * beside its history is created again.
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
          Map<String, String> checksums = new TreeMap<>();
          for (String id : stamped.isEmpty() ? List.of("base") : stamped) {
            checksums.put(id, catalog.find(id).map(RevisionInfo::checksum).orElse(""));
          }
          session.stamp(rows, checksums);
          LOG.info(
              "Database {} stamped from {} to {}",
              sessions.describe(),
              VersionRows.describe(before),
              VersionRows.describe(rows));
          return new MigrationResult(
              before, rows, List.of(), Duration.ofNanos(System.nanoTime() - start));
        });
  }
}
