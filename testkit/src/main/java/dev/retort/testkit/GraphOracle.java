package dev.retort.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The graph questions answered by their definitions, for tests to hold the graph core, the
 * processor and the runtime against: fixed points, quadratic scans, nothing clever. Slow, obviously
 * right, and sharing no code or idea with {@code dev.retort.graph} (the test kit does not depend on
 * it).
 *
 * <p>Works on any list of revisions, also an invalid one: the first declaration of an id is the
 * revision, and an edge to an id nobody declares leads nowhere. Memos only keep large graphs quick;
 * each value is still computed naively.
 */
public final class GraphOracle {

  private static final Set<String> RESERVED = Set.of("head", "heads", "base");

  private final List<Node> nodes;
  private final Map<String, Node> byId = new HashMap<>();
  private final List<String> ids;
  private final Map<String, Set<String>> parents = new HashMap<>();
  private final Map<String, Set<String>> strictAncestors = new HashMap<>();

  /** The oracle of the graph these revisions declare. */
  public GraphOracle(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
    nodes.forEach(n -> byId.putIfAbsent(n.id(), n));
    this.ids = byId.keySet().stream().sorted().toList();
  }

  /** The declared ids, sorted. */
  public List<String> ids() {
    return ids;
  }

  /** The first revision that declares {@code id}. */
  public Node node(String id) {
    return byId.get(id);
  }

  /** What {@code id} revises or depends on, among the declared revisions. */
  public Set<String> parents(String id) {
    return parents.computeIfAbsent(
        id,
        k -> {
          Set<String> all = new TreeSet<>();
          Node node = byId.get(k);
          if (node == null) return all;
          all.addAll(node.revises());
          all.addAll(node.dependsOn());
          all.retainAll(byId.keySet());
          return all;
        });
  }

  /** {@code start} and everything it revises or depends on, transitively. */
  public Set<String> ancestors(Collection<String> start) {
    Set<String> result = new TreeSet<>(start);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (String id : List.copyOf(result)) grew |= result.addAll(parents(id));
    }
    return result;
  }

  /** {@code start} and everything that revises or depends on it, transitively. */
  public Set<String> descendants(Collection<String> start) {
    Set<String> result = new TreeSet<>(start);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (String id : ids) {
        if (!result.contains(id) && parents(id).stream().anyMatch(result::contains)) {
          grew |= result.add(id);
        }
      }
    }
    return result;
  }

  /** Whether {@code to} can be reached from {@code from} by one or more edges. */
  public boolean reaches(String from, String to) {
    return strictAncestors.computeIfAbsent(from, k -> ancestors(parents(k))).contains(to);
  }

  /** Revisions nothing revises (dependsOn does not count: Alembic's heads), sorted. */
  public List<String> heads() {
    return ids.stream()
        .filter(id -> nodes.stream().noneMatch(n -> n.revises().contains(id)))
        .toList();
  }

  /** Revisions nothing revises or depends on, sorted. */
  public List<String> realHeads() {
    return ids.stream().filter(id -> ids.stream().noneMatch(o -> parents(o).contains(id))).toList();
  }

  /** Revisions that revise nothing, sorted. */
  public List<String> bases() {
    return ids.stream().filter(id -> byId.get(id).revises().isEmpty()).toList();
  }

  /** Revisions that neither revise nor depend on anything, sorted. */
  public List<String> realBases() {
    return ids.stream().filter(id -> parents(id).isEmpty()).toList();
  }

  /** Repeatedly the least id whose parents are all placed: the order the graph core promises. */
  public List<String> order() {
    List<String> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (order.size() < ids.size()) {
      String next =
          ids.stream()
              .filter(id -> !placed.contains(id) && placed.containsAll(parents(id)))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no order: the graph has a cycle"));
      order.add(next);
      placed.add(next);
    }
    return order;
  }

  /** The members of {@code applied} that no other member reaches: the version rows, sorted. */
  public List<String> maximal(Collection<String> applied) {
    return applied.stream()
        .distinct()
        .filter(x -> applied.stream().noneMatch(y -> reaches(y, x)))
        .sorted()
        .toList();
  }

  /** The labels of {@code id} and of everything on its line through revises. */
  public Set<String> branchLabels(String id) {
    Set<String> line = new TreeSet<>(List.of(id));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (String x : List.copyOf(line)) {
        if (byId.containsKey(x)) grew |= line.addAll(byId.get(x).revises());
      }
    }
    Set<String> labels = new TreeSet<>();
    line.stream().filter(byId::containsKey).forEach(x -> labels.addAll(byId.get(x).branchLabels()));
    return labels;
  }

  /** The heads whose line through revises carries {@code label}, sorted. */
  public List<String> labelHeads(String label) {
    return heads().stream().filter(h -> branchLabels(h).contains(label)).toList();
  }

  /**
   * All heads when there are several and not each has a label that no other head has; otherwise
   * none.
   */
  public List<String> unlabeledHeads() {
    List<String> heads = heads();
    if (heads.size() < 2) return List.of();
    for (String h : heads) {
      boolean own =
          branchLabels(h).stream()
              .anyMatch(
                  l ->
                      heads.stream()
                          .filter(o -> !o.equals(h))
                          .noneMatch(o -> branchLabels(o).contains(l)));
      if (!own) return heads;
    }
    return List.of();
  }

  /** The revisions an upgrade target stands for: the forms the recorded scenarios use. */
  public Set<String> upgradeTargets(String target) {
    if (target.equals("heads") || target.equals("head")) return new TreeSet<>(heads());
    if (target.endsWith("@head")) {
      return new TreeSet<>(labelHeads(target.substring(0, target.indexOf('@'))));
    }
    if (byId.containsKey(target)) return Set.of(target);
    // A bare branch label stands for the revision that declares it.
    return nodes.stream()
        .filter(r -> r.branchLabels().contains(target))
        .map(Node::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * What {@code downgrade id} reverts: the revisions that revise {@code id}, and everything that
   * revises or depends on those, transitively. What only depends on {@code id} stays.
   */
  public Set<String> revertedByDowngradeTo(String id) {
    Set<String> children =
        ids.stream().filter(c -> byId.get(c).revises().contains(id)).collect(Collectors.toSet());
    return children.isEmpty() ? new TreeSet<>() : descendants(children);
  }

  /** The revisions on a cycle with {@code id}, and {@code id}. */
  public Set<String> componentOf(String id) {
    Set<String> component = new TreeSet<>(List.of(id));
    for (String other : ids) {
      if (reaches(id, other) && reaches(other, id)) component.add(other);
    }
    return component;
  }

  /** Every set of revisions that lie on cycles with each other, by least id. */
  public Set<Set<String>> cyclicComponents() {
    Set<Set<String>> result = new LinkedHashSet<>();
    for (String id : ids) {
      if (reaches(id, id)) result.add(componentOf(id));
    }
    return result;
  }

  /** The number of edges of the shortest cycle through {@code id}, by relaxing distances. */
  public int shortestCycleThrough(String id) {
    Map<String, Integer> distance = new HashMap<>();
    distance.put(id, 0);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String x : List.copyOf(distance.keySet())) {
        for (String p : parents(x)) {
          if (p.equals(id)) continue;
          int d = distance.get(x) + 1;
          if (d < distance.getOrDefault(p, Integer.MAX_VALUE)) {
            distance.put(p, d);
            changed = true;
          }
        }
      }
    }
    int best = Integer.MAX_VALUE;
    for (Map.Entry<String, Integer> e : distance.entrySet()) {
      if (parents(e.getKey()).contains(id)) best = Math.min(best, e.getValue() + 1);
    }
    if (best == Integer.MAX_VALUE) throw new AssertionError("no cycle through " + id);
    return best;
  }

  /**
   * The kinds of problem the graph has, sorted, named as the graph core's problem classes: {@code
   * Cycle}, {@code DuplicateId}, {@code DuplicateLabel}, {@code MalformedId}, {@code
   * MissingRevision}. Empty for a sound graph.
   */
  public List<String> problemKinds() {
    Set<String> kinds = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    for (Node n : nodes) {
      if (!seen.add(n.id())) kinds.add("DuplicateId");
      if (malformed(n.id())) kinds.add("MalformedId");
      for (String p : n.revises()) if (!byId.containsKey(p)) kinds.add("MissingRevision");
      for (String p : n.dependsOn()) if (!byId.containsKey(p)) kinds.add("MissingRevision");
    }
    if (!cyclicComponents().isEmpty()) kinds.add("Cycle");
    Map<String, Integer> labelUses = new HashMap<>();
    nodes.forEach(n -> n.branchLabels().forEach(l -> labelUses.merge(l, 1, Integer::sum)));
    if (labelUses.values().stream().anyMatch(c -> c > 1)) kinds.add("DuplicateLabel");
    return List.copyOf(kinds);
  }

  /**
   * Empty, reserved, starting with '-', longer than 32 characters, or holding '@', '+', ':', white
   * space or a control character.
   */
  private static boolean malformed(String id) {
    return id.isEmpty()
        || RESERVED.contains(id)
        || id.startsWith("-")
        || id.codePointCount(0, id.length()) > 32
        || id.chars()
            .anyMatch(
                c ->
                    c == '@'
                        || c == '+'
                        || c == ':'
                        || Character.isWhitespace(c)
                        || Character.isISOControl(c));
  }
}
