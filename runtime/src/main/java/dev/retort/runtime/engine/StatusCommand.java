package dev.retort.runtime.engine;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.Status;
import dev.retort.runtime.history.Action;
import dev.retort.runtime.history.History;
import dev.retort.runtime.history.HistoryEntry;
import dev.retort.runtime.history.Provenance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code current} and {@code check}: what the database is at, compared with the registry. */
public final class StatusCommand {

  private final Catalog catalog;
  private final SessionTemplate sessions;

  StatusCommand(Catalog catalog, SessionTemplate sessions) {
    this.catalog = catalog;
    this.sessions = sessions;
  }

  /**
   * The version rows, sorted, as they are (also rows this application does not know); empty when
   * nothing is applied. Creates nothing.
   */
  public List<String> current() {
    return sessions.read("current", session -> sessions.checks().rows().nonNull(session.stored()));
  }

  /**
   * The revisions the version rows hold, in topological order, each with the history entry that put
   * it there. Creates nothing.
   */
  public List<AppliedRevision> applied() {
    return sessions.read(
        "applied",
        session -> {
          RevisionGraph graph = catalog.graph();
          List<String> rows = sessions.checks().rows().checked(session.stored());
          Map<String, HistoryEntry> provenance =
              Provenance.of(
                  session.historyEntries(),
                  id -> graph.contains(id) ? graph.ancestors(List.of(id)) : List.of());
          return graph.ancestors(rows).stream()
              .map(id -> applied(id, Optional.ofNullable(provenance.get(id))))
              .toList();
        });
  }

  private static AppliedRevision applied(String id, Optional<HistoryEntry> entry) {
    String how = entry.map(e -> e.action() == Action.UP ? "upgrade" : "stamp").orElse("unknown");
    return new AppliedRevision(
        id, how, entry.map(HistoryEntry::startedAt), entry.map(HistoryEntry::appliedBy));
  }

  /** Pending revisions, drifted checksums and unfinished non-transactional revisions. */
  public Status check() {
    return sessions.read(
        "check",
        session -> {
          RevisionGraph graph = catalog.graph();
          List<String> rows = sessions.checks().rows().checked(session.stored());
          Set<String> applied = catalog.planner().applied(rows);
          List<String> pending =
              graph.ancestors(graph.heads()).stream().filter(id -> !applied.contains(id)).toList();
          History history = session.history();
          List<String> incomplete =
              history.incomplete().stream().map(e -> SafetyChecks.describe(e, false)).toList();
          return new Status(
              rows,
              graph.heads(),
              pending,
              sessions.checks().drifted(history, applied),
              incomplete);
        });
  }
}
