package dev.retort.runtime.plan;

import dev.retort.RevisionInfo;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a target into steps, with Alembic's semantics: an upgrade applies exactly the missing
 * ancestors of the target, in topological order; a downgrade reverts exactly the applied
 * descendants of the target, in reverse. The version rows after each step are the minimal set of
 * heads of what is applied, so no row is ever an ancestor of another.
 */
public final class Planner {

  private final RevisionGraph graph;
  private final Map<String, RevisionInfo> revisions;

  /** A planner over {@code graph}, whose revisions {@code revisions} holds by id. */
  public Planner(RevisionGraph graph, Map<String, RevisionInfo> revisions) {
    this.graph = graph;
    this.revisions = revisions;
  }

  /** Every revision the version rows imply is applied. */
  public Set<String> applied(List<String> rows) {
    return new HashSet<>(graph.ancestors(rows));
  }

  /** The steps that bring {@code rows} up to include every revision of {@code targets}. */
  public List<Step> upgrade(List<String> rows, List<String> targets) {
    Set<String> applied = applied(rows);
    List<Step> steps = new ArrayList<>();
    TreeSet<String> current = new TreeSet<>(rows);
    for (String id : graph.ancestors(targets)) {
      if (applied.contains(id)) continue;
      List<String> before = List.copyOf(current);
      // Every parent is applied, and a row that is an ancestor of id must be one of its parents.
      graph.parents(id).forEach(current::remove);
      current.add(id);
      steps.add(new Step(revisions.get(id), Direction.UP, before, List.copyOf(current)));
    }
    return steps;
  }

  /**
   * The steps that bring {@code rows} down so that {@code keep} is the newest revision left on its
   * line: what revises it, and everything that revises or depends on those, is reverted. A revision
   * that merely depends on {@code keep} stays, since {@code keep} stays. {@code keep} empty means
   * {@code base}.
   */
  public List<Step> downgrade(List<String> rows, Optional<String> keep) {
    Set<String> applied = applied(rows);
    List<String> remove;
    if (keep.isPresent()) {
      if (!applied.contains(keep.get())) {
        throw new RetortException(
            ErrorCode.NOT_APPLIED,
            "cannot downgrade to '"
                + keep.get()
                + "': it is not applied (the database is at "
                + VersionRows.describe(rows)
                + "); use 'upgrade' to move forward");
      }
      remove = new ArrayList<>(graph.descendants(graph.revisedBy(keep.get())));
      remove.retainAll(applied);
    } else {
      remove = graph.inOrder(applied);
    }
    Collections.reverse(remove);
    refuseIrreversible(remove);
    List<Step> steps = new ArrayList<>();
    TreeSet<String> current = new TreeSet<>(rows);
    for (String id : remove) {
      List<String> before = List.copyOf(current);
      applied.remove(id);
      current.remove(id);
      for (String parent : graph.parents(id)) {
        if (graph.children(parent).stream().noneMatch(applied::contains)) current.add(parent);
      }
      steps.add(new Step(revisions.get(id), Direction.DOWN, before, List.copyOf(current)));
    }
    return steps;
  }

  private void refuseIrreversible(List<String> remove) {
    for (String id : remove) {
      RevisionInfo info = revisions.get(id);
      if (!info.reversible()) {
        throw new RetortException(
            ErrorCode.IRREVERSIBLE,
            "cannot downgrade through revision '"
                + id
                + "' ("
                + info.className()
                + "): it is irreversible: "
                + info.irreversibleReason()
                + "; nothing was changed. Choose a target above it, or restore from a backup");
      }
    }
  }
}
