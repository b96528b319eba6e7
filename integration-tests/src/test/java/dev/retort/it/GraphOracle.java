package dev.retort.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brute-force definitions of the graph questions, written independently of the runtime so that
 * tests can check it: fixed-point ancestry, quadratic maximal sets. Slow, obviously right.
 */
public final class GraphOracle {

  private final Map<String, ConformanceCase.Revision> byId = new HashMap<>();

  /** The oracle of a graph given as revision id, revises, dependsOn and labels. */
  public GraphOracle(List<ConformanceCase.Revision> revisions) {
    revisions.forEach(r -> byId.put(r.id(), r));
  }

  public Set<String> parents(String id) {
    Set<String> parents = new HashSet<>(byId.get(id).revises());
    parents.addAll(byId.get(id).dependsOn());
    return parents;
  }

  /** {@code ids} and everything they revise or depend on, transitively. */
  public Set<String> ancestors(Set<String> ids) {
    Set<String> result = new HashSet<>(ids);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (String id : new ArrayList<>(result)) grew |= result.addAll(parents(id));
    }
    return result;
  }

  /**
   * What {@code downgrade id} reverts: the revisions that revise {@code id}, and everything that
   * revises or depends on those, transitively. What only depends on {@code id} stays.
   */
  public Set<String> revertedByDowngradeTo(String id) {
    Set<String> result = new HashSet<>();
    for (String other : byId.keySet()) {
      for (String child : byId.keySet()) {
        if (byId.get(child).revises().contains(id) && ancestors(Set.of(other)).contains(child)) {
          result.add(other);
        }
      }
    }
    return result;
  }

  /** Members of {@code applied} that are no other member's ancestor, sorted. */
  public List<String> maximal(Set<String> applied) {
    TreeSet<String> result = new TreeSet<>();
    for (String a : applied) {
      boolean below = false;
      for (String b : applied) {
        if (!a.equals(b) && ancestors(Set.of(b)).contains(a)) below = true;
      }
      if (!below) result.add(a);
    }
    return new ArrayList<>(result);
  }

  /** Revisions nothing revises. */
  public Set<String> heads() {
    Set<String> heads = new HashSet<>(byId.keySet());
    byId.values().forEach(r -> heads.removeAll(r.revises()));
    return heads;
  }

  /** The heads whose line through revises passes the revision labelled {@code label}. */
  public Set<String> labelHeads(String label) {
    Set<String> result = new HashSet<>();
    for (String head : heads()) {
      Set<String> line = new HashSet<>(Set.of(head));
      boolean grew = true;
      while (grew) {
        grew = false;
        for (String id : new ArrayList<>(line)) grew |= line.addAll(byId.get(id).revises());
      }
      if (line.stream().anyMatch(id -> byId.get(id).branchLabels().contains(label))) {
        result.add(head);
      }
    }
    return result;
  }

  /** The revisions an upgrade target stands for (only the forms the recorded scenarios use). */
  Set<String> upgradeTargets(String target) {
    if (target.equals("heads") || target.equals("head")) return heads();
    if (target.endsWith("@head")) return labelHeads(target.substring(0, target.indexOf('@')));
    if (byId.containsKey(target)) return Set.of(target);
    // A bare branch label stands for the revision that declares it.
    return byId.values().stream()
        .filter(r -> r.branchLabels().contains(target))
        .map(ConformanceCase.Revision::id)
        .collect(java.util.stream.Collectors.toSet());
  }
}
