package dev.retort.runtime.engine;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.Status;
import dev.retort.runtime.history.History;
import java.util.List;
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
    return sessions.read(
        "current", session -> sessions.checks().rows().nonNull(session.stored()));
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
