package dev.retort.graph;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The line of a branch, as {@code BRANCH@...} targets confine themselves to it: the revision that
 * stands for the branch (the label's revision, or the revision named), with its ancestors and its
 * descendants through {@code revises}. Its own part is what belongs to no other line: the line less
 * the shared trunk that revisions off the line revise.
 */
final class Lineage {

  private final RevisionGraph graph;
  private final String name;
  private final Set<String> members;
  private final Set<String> own;

  /** The line of revision {@code id}, written {@code name} in the target. */
  Lineage(RevisionGraph graph, String name, String id) {
    this.graph = graph;
    this.name = name;
    this.members = reach(List.of(id), graph::revisedBy);
    members.addAll(reach(List.of(id), this::revises));
    List<String> outside = graph.order().stream().filter(r -> !members.contains(r)).toList();
    this.own = new HashSet<>(members);
    own.removeAll(reach(outside, this::revises));
  }

  /** How the target wrote the branch. */
  String name() {
    return name;
  }

  boolean contains(String id) {
    return members.contains(id);
  }

  /** The heads on this line, sorted. */
  List<String> heads() {
    return graph.heads().stream().filter(members::contains).toList();
  }

  /** The revisions a walk up from {@code id} may take, or from below the line when empty. */
  List<String> above(String id) {
    return graph.revisedBy(id).stream().filter(members::contains).toList();
  }

  /** The bases of this line, sorted. */
  List<String> bases() {
    return graph.bases().stream().filter(members::contains).toList();
  }

  /** The newest applied revisions on the line: those no other applied one on it revises. */
  List<String> newest(Collection<String> applied) {
    Set<String> mine = new HashSet<>(applied);
    mine.retainAll(members);
    return graph.inOrder(mine).stream()
        .filter(id -> above(id).stream().noneMatch(mine::contains))
        .sorted()
        .toList();
  }

  /** The applied revisions of the line above {@code keep}, or all of them when it is base. */
  List<String> appliedAbove(Optional<String> keep, Collection<String> applied) {
    Set<String> above =
        keep.isEmpty() ? new HashSet<>(members) : reach(above(keep.get()), this::above);
    above.retainAll(applied);
    return graph.inOrder(above);
  }

  /**
   * The revisions that removing {@code removed} from {@code applied} takes along although they are
   * off this line: dependents of the shared trunk, which belong to other branches. Dependents of
   * the branch's own revisions go with them, as any downgrade takes them, and so do branches merged
   * into the branch's own revisions.
   */
  List<String> strays(Collection<String> removed, Collection<String> applied) {
    Set<String> taken = new HashSet<>(graph.descendants(removed));
    taken.retainAll(applied);
    taken.removeAll(members);
    List<String> ownRemoved = removed.stream().filter(own::contains).toList();
    taken.removeAll(graph.descendants(ownRemoved));
    taken.removeAll(reach(ownRemoved, this::revises));
    return graph.inOrder(taken);
  }

  private List<String> revises(String id) {
    return graph.node(id).orElseThrow().revises();
  }

  private static Set<String> reach(List<String> starts, Function<String, List<String>> next) {
    Set<String> seen = new HashSet<>(starts);
    Deque<String> work = new ArrayDeque<>(starts);
    while (!work.isEmpty()) {
      for (String n : next.apply(work.pop())) {
        if (seen.add(n)) work.push(n);
      }
    }
    return seen;
  }
}
