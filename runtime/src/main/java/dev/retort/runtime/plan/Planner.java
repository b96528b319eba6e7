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
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a resolved target into steps, with Alembic's semantics: an upgrade applies exactly the
 * missing ancestors of the target, in topological order; a downgrade reverts exactly the revisions
 * the target resolved to, in reverse. The version rows after each step are the minimal set of heads
 * of what is applied, so no row is ever an ancestor of another.
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
   * The steps that revert {@code remove} (applied revisions, as the graph's targets resolve a
   * downgrade, in topological order) from {@code rows}, newest first.
   */
  public List<Step> downgrade(List<String> rows, List<String> remove) {
    Set<String> applied = applied(rows);
    List<String> newestFirst = new ArrayList<>(remove);
    Collections.reverse(newestFirst);
    refuseIrreversible(newestFirst);
    List<Step> steps = new ArrayList<>();
    TreeSet<String> current = new TreeSet<>(rows);
    for (String id : newestFirst) {
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
