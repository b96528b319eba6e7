package dev.retort.cli;

import dev.retort.RevisionInfo;
import dev.retort.runtime.GraphView;
import dev.retort.runtime.Status;
import java.util.ArrayList;
import java.util.List;

/** The verbs that report and change nothing: current, heads, branches, show, check. */
final class ReadCommands {

  private static final int LISTED = 10;

  /** What {@code current} prints for a database with no revision applied. */
  static final String AT_BASE = "base (no revision is applied)";

  private ReadCommands() {}

  /** Each version row, like Alembic: {@code id (head)}; at base, a line that says so. */
  static int current(Command command) {
    GraphView graph = command.graph();
    RevisionText text = new RevisionText(graph);
    List<String> rows = command.retort().current();
    if (rows.isEmpty()) command.out().println(AT_BASE);
    for (String row : rows) {
      // A row the registry does not know is still printed, so that it can be recognized.
      if (graph.find(row).isEmpty()) {
        command.out().println(row + " (not in this application)");
      } else {
        command.out().println(command.verbose() ? text.entry(row) : text.current(row));
      }
    }
    return 0;
  }

  static int heads(Command command) {
    GraphView graph = command.graph();
    RevisionText text = new RevisionText(graph);
    for (RevisionInfo head : graph.heads()) {
      command.out().println(command.verbose() ? text.entry(head.id()) : text.head(head.id()));
    }
    return 0;
  }

  static int branches(Command command) {
    GraphView graph = command.graph();
    RevisionText text = new RevisionText(graph);
    for (RevisionInfo branchPoint : graph.branchPoints()) {
      String id = branchPoint.id();
      command.out().println(command.verbose() ? text.entry(id) : text.branchPoint(id));
    }
    return 0;
  }

  static int show(Command command) {
    GraphView graph = command.graph();
    command.out().print(new RevisionText(graph).entry(graph.show(command.args().argument()).id()));
    return 0;
  }

  /** Exit 0 when up to date; else 1, with what is pending, changed or unfinished. */
  static int check(Command command) {
    Status status = command.retort().check();
    if (status.upToDate()) {
      command
          .out()
          .println("Up to date: the database is at " + status.describeCurrent() + " (head)");
      return 0;
    }
    List<String> problems = new ArrayList<>();
    problem(problems, status.pending(), "revision", "pending", "run 'upgrade heads'");
    List<String> drifted = status.drifted();
    if (!drifted.isEmpty()) {
      boolean one = drifted.size() == 1;
      problems.add(
          "the source of "
              + drifted.size()
              + (one ? " applied revision" : " applied revisions")
              + " changed after "
              + (one ? "it was" : "they were")
              + " applied ("
              + list(drifted)
              + "); restore "
              + (one ? "its" : "their")
              + " source, or record an intended edit with 'repair'");
    }
    if (!status.incomplete().isEmpty()) {
      problems.add(
          "unfinished non-transactional revision "
              + list(status.incomplete())
              + "; resolve it by hand and record the result with 'stamp'");
    }
    throw new CommandFailure(
        "the database at "
            + status.describeCurrent()
            + " is not up to date: "
            + String.join("; ", problems));
  }

  /** {@code N nouns state (ids); advice}, when there are any {@code ids}. */
  private static void problem(
      List<String> problems, List<String> ids, String noun, String state, String advice) {
    if (ids.isEmpty()) return;
    String count = ids.size() + " " + noun + (ids.size() == 1 ? "" : "s");
    problems.add(count + " " + state + " (" + list(ids) + "); " + advice);
  }

  private static String list(List<String> ids) {
    if (ids.size() <= LISTED) return String.join(", ", ids);
    return String.join(", ", ids.subList(0, LISTED)) + " and " + (ids.size() - LISTED) + " more";
  }
}
