package dev.retort.runtime.cli;

import dev.retort.RevisionInfo;
import dev.retort.runtime.Retort;
import dev.retort.runtime.Status;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The verbs that report and change nothing: current, heads, branches, show, check. */
final class ReadCommands {

  private static final int LISTED = 10;

  private final GraphView view;
  private final Retort retort;
  private final PrintStream out;
  private final RevisionText text;

  ReadCommands(GraphView view, Retort retort, PrintStream out) {
    this.view = view;
    this.retort = retort;
    this.out = out;
    this.text = new RevisionText(view);
  }

  /** Each version row, like Alembic: {@code id (head)}; nothing for an empty database. */
  void current(boolean verbose) {
    for (String row : retort.current()) {
      // A row the registry does not know is still printed, so that it can be recognized.
      if (view.info(row) == null) {
        out.println(row + " (not in this application)");
      } else {
        out.println(verbose ? text.entry(row) : text.current(row));
      }
    }
  }

  void heads(boolean verbose) {
    for (RevisionInfo head : retort.heads()) {
      out.println(verbose ? text.entry(head.id()) : text.head(head.id()));
    }
  }

  void branches(boolean verbose) {
    for (RevisionInfo branchPoint : retort.branches()) {
      out.println(verbose ? text.entry(branchPoint.id()) : text.branchPoint(branchPoint.id()));
    }
  }

  void show(String revision) {
    out.print(text.entry(retort.show(revision).id()));
  }

  /** Exit 0 when up to date; else 1, with what is pending, changed or unfinished. */
  int check() {
    Status status = retort.check();
    String at = status.current().isEmpty() ? "base" : String.join(", ", status.current());
    if (status.upToDate()) {
      out.println("Up to date: the database is at " + at + " (head)");
      return 0;
    }
    List<String> problems = new ArrayList<>();
    if (!status.pending().isEmpty()) {
      problems.add(
          count(status.pending().size(), "revision")
              + " pending ("
              + list(status.pending())
              + "); run 'upgrade heads'");
    }
    if (!status.drifted().isEmpty()) {
      problems.add(
          count(status.drifted().size(), "applied revision")
              + " changed since applied ("
              + list(status.drifted())
              + "); restore their source");
    }
    if (!status.incomplete().isEmpty()) {
      problems.add(
          "unfinished non-transactional revision "
              + list(status.incomplete())
              + "; resolve it by hand and record the result with 'stamp'");
    }
    throw new CommandFailure(
        "the database at " + at + " is not up to date: " + String.join("; ", problems));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String list(List<String> ids) {
    if (ids.size() <= LISTED) return String.join(", ", ids);
    return String.join(", ", ids.subList(0, LISTED)) + " and " + (ids.size() - LISTED) + " more";
  }
}
