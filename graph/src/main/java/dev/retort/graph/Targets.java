package dev.retort.graph;

import dev.retort.graph.TargetException.Reason;
import dev.retort.graph.TargetExpression.Anchor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the target of a command with Alembic's vocabulary and meaning ({@link TargetExpression}
 * has the grammar): what an upgrade must reach, and what a downgrade reverts. A target naming a
 * branch ({@code LABEL@...}, {@code ID@...}) keeps to that branch's line; a downgrade that would
 * take revisions of other branches along is refused.
 */
public final class Targets {

  private final RevisionGraph graph;
  private final Walk walk;

  /** The targets of {@code graph}. */
  public Targets(RevisionGraph graph) {
    this.graph = graph;
    this.walk = new Walk(graph);
  }

  /**
   * The revisions an upgrade to {@code target} must reach, given the current version rows.
   *
   * @return the target revisions; empty for {@code base}
   */
  public List<String> upgradeTarget(String target, List<String> current) {
    TargetExpression e = parse(target);
    if (e.anchor() == Anchor.CURRENT && !e.up()) {
      throw new TargetException(
          Reason.INVALID,
          "'" + target + "' goes down; an upgrade goes up: use downgrade " + target + ", or +N");
    }
    Lineage line = e.branch().map(this::line).orElse(null);
    if (!e.relative() && e.anchor() == Anchor.HEADS) {
      return line == null ? graph.heads() : line.heads();
    }
    return walk.from(start(e, line, current), e, line).map(List::of).orElse(List.of());
  }

  /**
   * The revisions a downgrade to {@code target} reverts, given the current version rows: the
   * applied revisions above the revision it keeps, and what depends on them.
   *
   * @return the revisions to revert, in topological order
   * @throws TargetException also when the target is not applied, and when a branch's downgrade
   *     would take another branch's revisions along
   */
  public List<String> downgradeTarget(String target, List<String> current) {
    TargetExpression e = parse(target);
    if (e.anchor() == Anchor.CURRENT && e.up()) {
      throw new TargetException(
          Reason.INVALID,
          "'" + target + "' goes up; a downgrade goes down: use upgrade " + target + ", or -N");
    }
    Lineage line = e.branch().map(this::line).orElse(null);
    Set<String> applied = new HashSet<>(graph.ancestors(current));
    Optional<String> keep = walk.from(start(e, line, current), e, line);
    if (keep.isPresent() && !applied.contains(keep.get())) {
      throw new TargetException(
          Reason.NOT_APPLIED,
          "cannot downgrade to '"
              + keep.get()
              + "': it is not applied (the database is at "
              + (current.isEmpty() ? "base" : String.join(", ", current))
              + "); use 'upgrade' to move forward");
    }
    if (line == null) {
      if (keep.isEmpty()) return graph.inOrder(applied);
      return appliedOf(graph.descendants(graph.revisedBy(keep.get())), applied);
    }
    List<String> removed = line.appliedAbove(keep, applied);
    List<String> strays = line.strays(removed, applied);
    if (!strays.isEmpty()) {
      throw new TargetException(
          Reason.INVALID,
          "'"
              + target
              + "' would also revert "
              + String.join(", ", strays)
              + ", of another branch sharing "
              + line.name()
              + "'s line below it; downgrade that branch first, or name a revision of "
              + line.name()
              + " above where it leaves the shared line");
    }
    return appliedOf(graph.descendants(removed), applied);
  }

  /**
   * The offline script of an upgrade: {@code TO} from base, or {@code FROM:TO}; TO left out is
   * {@code heads}.
   *
   * @throws TargetException also for a range that goes down
   */
  public OfflineRange upgradeRange(String text) {
    Range range = Range.parse(text);
    List<String> from = range.from().map(this::rowsAt).orElse(List.of());
    String to = range.to().orElse("heads");
    List<String> targets = upgradeTarget(to, from);
    Set<String> before = new HashSet<>(graph.ancestors(from));
    Set<String> after = new HashSet<>(graph.ancestors(targets));
    if (before.containsAll(after) && !after.equals(before)) {
      // Such as heads:base: the plan would be empty, and the script a header alone.
      throw new TargetException(
          Reason.INVALID,
          "'"
              + text
              + "' goes down: "
              + to
              + " is below "
              + range.from().get()
              + ", and an upgrade's range goes up, as base:heads does; for the script of a"
              + " downgrade, give the range to the downgrade");
    }
    return new OfflineRange(from, targets);
  }

  /**
   * The offline script of a downgrade: {@code FROM:TO}, such as {@code heads:base}, FROM being one
   * revision; TO left out is {@code base}.
   *
   * @throws TargetException also for a range that does not go down
   */
  public OfflineRange downgradeRange(String text) {
    Range range = Range.parse(text);
    if (range.from().isEmpty()) {
      throw new TargetException(
          Reason.INVALID,
          "an offline downgrade needs a range FROM:TO, such as heads:base, since there is no"
              + " database to read the current revision from");
    }
    String from = range.from().get();
    List<String> rows = rowsAt(from);
    if (rows.size() > 1) {
      throw new TargetException(
          Reason.MULTIPLE_HEADS,
          "'"
              + from
              + "' is "
              + rows.size()
              + " revisions ("
              + String.join(", ", rows)
              + "); an offline downgrade starts from one, so name it as FROM");
    }
    String to = range.to().orElse("base");
    TargetExpression end = parse(to);
    // A named end (heads, an id, a label) may lie above FROM, or beside it.
    if (end.anchor() != Anchor.CURRENT
        && !graph.ancestors(rows).containsAll(upgradeTarget(to, rows))) {
      throw new TargetException(
          Reason.INVALID,
          "'"
              + text
              + "' does not go down: "
              + to
              + " is not below "
              + from
              + ", and a downgrade's range goes down, as heads:base does; for the script of an"
              + " upgrade, give the range to the upgrade");
    }
    return new OfflineRange(rows, downgradeTarget(to, rows));
  }

  /**
   * The revisions of the history range {@code text}, in topological order: the descendants of FROM
   * (a revision; {@code base} or left out: every base) that are ancestors of TO (an upgrade target;
   * {@code heads} or left out: every head), both ends included. Text without a colon is FROM alone;
   * blank text is the whole graph.
   *
   * @throws TargetException when an end names no revision, or several
   */
  public List<String> range(String text) {
    if (text.isBlank()) return graph.order();
    Range range =
        text.indexOf(':') < 0 ? new Range(Optional.of(text), Optional.empty()) : Range.parse(text);
    List<String> ids = new ArrayList<>(graph.order());
    // FROM base (or a LABEL@base) starts below every revision, so it keeps them all.
    List<String> from = range.from().map(f -> upgradeTarget(f, List.of())).orElse(List.of());
    if (!from.isEmpty()) ids.retainAll(Set.copyOf(graph.descendants(from)));
    Optional<String> to = range.to().filter(t -> !t.equals("heads"));
    if (to.isPresent()) {
      ids.retainAll(Set.copyOf(graph.ancestors(upgradeTarget(to.get(), List.of()))));
    }
    return ids;
  }

  /**
   * The version rows of a database upgraded from base to {@code target} and no further: the minimal
   * heads of what that applies; none for {@code base}. An offline script starts from these, since
   * it has no database to read them from.
   */
  public List<String> rowsAt(String target) {
    return graph.minimalHeads(upgradeTarget(target, List.of()));
  }

  /**
   * One revision named by id, unique id prefix, branch label or {@code LABEL@head}.
   *
   * @throws TargetException when nothing or several revisions match
   */
  public String revision(String text) {
    TargetExpression e = parse(text);
    if (e.branch().isEmpty() && e.anchor() == Anchor.REVISION && !e.relative()) return named(text);
    List<String> ids = upgradeTarget(text, List.of());
    if (ids.isEmpty()) {
      throw new TargetException(
          Reason.UNKNOWN, "'" + text + "' is base, not a revision; name a revision");
    }
    return singleHead(ids, text);
  }

  private TargetExpression parse(String target) {
    return TargetExpression.parse(target, graph.size() + 1);
  }

  /** Where the target stands before its step (empty: base). */
  private Optional<String> start(TargetExpression e, Lineage line, List<String> current) {
    return switch (e.anchor()) {
      case BASE -> Optional.empty();
      case HEAD, HEADS -> Optional.of(singleHead(heads(e, line), e));
      case REVISION -> Optional.of(onLine(named(e.revision()), line, e));
      case CURRENT -> current(line == null ? current : line.newest(graph.ancestors(current)), e);
    };
  }

  /**
   * The heads {@code e}'s anchor means: those of its branch, or of the graph. As Alembic has it,
   * {@code heads} (not {@code head}) for one revision leaves out a head that another depends on.
   */
  private List<String> heads(TargetExpression e, Lineage line) {
    if (line != null) return line.heads();
    return e.anchor() == Anchor.HEADS ? graph.realHeads() : graph.heads();
  }

  /** The one revision a relative step starts from: the row, or the branch's newest revision. */
  private static Optional<String> current(List<String> newest, TargetExpression e) {
    if (newest.size() > 1) {
      throw new TargetException(
          Reason.MULTIPLE_HEADS,
          "'"
              + e.text()
              + "' is relative to the current revision, but "
              + (e.branch().isPresent() ? "branch " + e.branch().get() : "the database")
              + " is at "
              + newest.size()
              + " ("
              + String.join(", ", newest)
              + "); write ID"
              + (e.up() ? "+" : "-")
              + e.digits()
              + " from one of them");
    }
    return newest.stream().findFirst();
  }

  private String onLine(String id, Lineage line, TargetExpression e) {
    if (line == null || line.contains(id)) return id;
    throw new TargetException(
        Reason.UNKNOWN,
        "revision '"
            + id
            + "' is not on the line of "
            + e.branch().get()
            + " ('"
            + e.text()
            + "')");
  }

  /** The line of the branch {@code name}: a branch label, or a revision standing for its line. */
  private Lineage line(String name) {
    Optional<String> labelled = graph.labelOwner(name);
    if (labelled.isPresent()) return new Lineage(graph, name, labelled.get());
    try {
      return new Lineage(graph, name, named(name));
    } catch (TargetException e) {
      if (e.reason() != Reason.UNKNOWN) throw e;
      throw new TargetException(
          Reason.UNKNOWN,
          "no branch label or revision '"
              + name
              + "'"
              + didYouMean(name)
              + " ('branches' lists the labelled branches)");
    }
  }

  /** A revision named by exact id, branch label or unique id prefix. */
  private String named(String text) {
    if (graph.contains(text)) return text;
    Optional<String> labelled = graph.labelOwner(text);
    if (labelled.isPresent()) return labelled.get();
    List<String> matches =
        graph.order().stream().filter(id -> id.startsWith(text)).sorted().toList();
    if (matches.size() == 1) return matches.get(0);
    if (matches.size() > 1) {
      throw new TargetException(
          Reason.AMBIGUOUS,
          "'"
              + text
              + "' is the start of "
              + matches.size()
              + " revisions: "
              + String.join(", ", matches.subList(0, Math.min(10, matches.size())))
              + (matches.size() > 10 ? ", ..." : "")
              + "; give more characters of the id");
    }
    throw new TargetException(
        Reason.UNKNOWN,
        "no revision '" + text + "'" + didYouMean(text) + " ('history' lists every revision)");
  }

  private String didYouMean(String text) {
    List<String> near = NearestIds.of(text, suggestions(text));
    return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
  }

  /**
   * What a mistyped target may have meant: the ids, the branch labels and the words {@code head},
   * {@code heads} and {@code base} ({@code upgrade heda}), but not the text itself.
   */
  private List<String> suggestions(String text) {
    Set<String> words = new TreeSet<>(graph.order());
    for (GraphNode node : graph.nodes()) words.addAll(node.branchLabels());
    words.addAll(List.of("head", "heads", "base"));
    words.remove(text);
    return new ArrayList<>(words);
  }

  private static String singleHead(List<String> heads, TargetExpression e) {
    return singleHead(heads, e.text());
  }

  private static String singleHead(List<String> heads, String target) {
    if (heads.size() == 1) return heads.get(0);
    throw new TargetException(
        Reason.MULTIPLE_HEADS,
        "'"
            + target
            + "' is ambiguous: there are "
            + heads.size()
            + " heads ("
            + String.join(", ", heads)
            + "); name one, use 'heads' for all of them, or a LABEL@head");
  }

  private List<String> appliedOf(Collection<String> ids, Set<String> applied) {
    return graph.inOrder(ids.stream().filter(applied::contains).toList());
  }
}
