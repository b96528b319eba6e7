package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
import dev.retort.graph.GraphNode;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.history.Action;
import dev.retort.runtime.history.History;
import dev.retort.runtime.history.HistoryEntry;
import dev.retort.runtime.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must hold before anything runs: the version rows are sound ({@link RowChecks}), no
 * non-transactional revision is left unfinished, and no applied revision's source changed since
 * (unless the application accepts that).
 */
final class SafetyChecks {

  // Under the facade's name, beside the summary lines that users read.
  private static final Logger LOG = LoggerFactory.getLogger(Retort.class);

  private final Catalog catalog;
  private final RowChecks rows;
  private final boolean acceptChecksumDrift;

  SafetyChecks(Catalog catalog, boolean acceptChecksumDrift) {
    this.catalog = catalog;
    this.rows = new RowChecks(catalog);
    this.acceptChecksumDrift = acceptChecksumDrift;
  }

  /** The rows, after checking that the database is in a state this registry can move from. */
  List<String> verifiedRows(Session session) {
    List<String> rows = this.rows.checked(session.stored());
    History history = session.history();
    if (!history.incomplete().isEmpty()) throw incomplete(history.incomplete().get(0));
    Set<String> applied = catalog.planner().applied(rows);
    Map<String, List<String>> superseded = superseded(history, applied);
    if (!superseded.isEmpty()) {
      session.replaceChecksums(superseded);
      LOG.info(
          "Recorded the checksums of applied revision(s) {} again: this version sums a revision's"
              + " code without its comments and layout",
          String.join(", ", superseded.keySet()));
    }
    List<String> drifted = drifted(history, applied);
    if (!drifted.isEmpty()) {
      boolean one = drifted.size() == 1;
      String message =
          "the source of applied revision"
              + (one ? " " : "s ")
              + String.join(", ", drifted)
              + " changed after "
              + (one ? "it was" : "they were")
              + " applied";
      if (!acceptChecksumDrift) {
        throw new RetortException(
            ErrorCode.CHECKSUM_DRIFT,
            message
                + "; restore "
                + (one ? "its" : "their")
                + " source, or, if the edit was intended, record the new checksum"
                + (one ? "" : "s")
                + " once with 'repair' (Retort.repair())");
      }
      LOG.warn("{}; accepted (acceptChecksumDrift)", message);
    }
    return rows;
  }

  /** The checks of the version rows alone. */
  RowChecks rows() {
    return rows;
  }

  /**
   * Whether {@code history} leaves nothing unfinished, and nothing applied at {@code rows} drifted
   * or summed by an earlier kind of checksum.
   */
  boolean clean(List<String> rows, History history) {
    Set<String> applied = catalog.planner().applied(rows);
    return history.incomplete().isEmpty()
        && drifted(history, applied).isEmpty()
        && superseded(history, applied).isEmpty();
  }

  /** The applied revisions whose checksum differs from the one recorded, sorted. */
  List<String> drifted(History history, Set<String> applied) {
    List<String> drifted = new ArrayList<>();
    for (Map.Entry<String, String> stored : history.checksums().entrySet()) {
      RevisionInfo info = catalog.find(stored.getKey()).orElse(null);
      if (info != null
          && applied.contains(info.id())
          && ChecksumKinds.drifted(stored.getValue(), info.checksum())) {
        drifted.add(info.id());
      }
    }
    drifted.sort(null);
    return drifted;
  }

  /**
   * The applied revisions whose recorded checksum is of an earlier kind than the registry's: {@code
   * id -> [stored, current]}, sorted by id.
   */
  Map<String, List<String>> superseded(History history, Set<String> applied) {
    Map<String, List<String>> superseded = new TreeMap<>();
    for (Map.Entry<String, String> stored : history.checksums().entrySet()) {
      RevisionInfo info = catalog.find(stored.getKey()).orElse(null);
      if (info != null
          && applied.contains(info.id())
          && ChecksumKinds.superseded(stored.getValue(), info.checksum())) {
        superseded.put(info.id(), List.of(stored.getValue(), info.checksum()));
      }
    }
    return superseded;
  }

  /**
   * An unfinished entry as messages name it: revision, action, start and what failed. One without
   * an outcome is interrupted when seen under the migration lock, which its runner would hold; seen
   * without the lock ({@code locked} false, as {@code check} reads), it may still be running.
   */
  static String describe(HistoryEntry entry, boolean locked) {
    String started = entry.startedAt();
    String state;
    if (entry.outcome() != Outcome.RUNNING) {
      state = ", started " + started + ", failed: " + entry.error();
    } else if (locked) {
      state = ", started " + started + ", interrupted";
    } else {
      state = ", unfinished: running or interrupted since " + started;
    }
    return "'" + entry.revision() + "' (" + entry.action().label() + state + ")";
  }

  /**
   * How to record what someone did by hand about an unfinished step of {@code revision}, which
   * revises {@code revises}: "'stamp b' (done) or 'stamp a' (undone)", the other way round for a
   * downgrade.
   */
  static String stampChoice(String revision, List<String> revises, boolean up) {
    String before = revises.isEmpty() ? "base" : String.join("' and 'stamp ", revises);
    return "'stamp "
        + (up ? revision : before)
        + "' (done) or 'stamp "
        + (up ? before : revision)
        + "' (undone)";
  }

  private RetortException incomplete(HistoryEntry first) {
    List<String> revises =
        catalog.graph().node(first.revision()).map(GraphNode::revises).orElse(List.of());
    return new RetortException(
        ErrorCode.INCOMPLETE_REVISION,
        "revision "
            + describe(first, true)
            + " ran outside a transaction and did not finish, so its changes may be partly"
            + " applied; inspect the database and complete or undo them by hand, then record the"
            + " result with "
            + stampChoice(first.revision(), revises, first.action() == Action.UP)
            + " and run again");
  }
}
