package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.graph.GraphProblem.EdgeKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Checks the graph core against naive definitions on random graphs. The naive versions are slow on
 * purpose (fixed points, quadratic scans) so that they share no code or idea with the real one.
 */
class RevisionGraphPropertyTest {

  private static final int GRAPHS = 1_000;
  // No 'e' or 's', so no generated id is reserved; '_' and digits mix the sort order up.
  private static final String ID_CHARS = "abcxyz0189_";

  @Test
  void randomDagsMatchNaiveDefinitions() {
    Random random = new Random(0x5EED_0001L);
    int merges = 0;
    int dependencies = 0;
    for (int g = 0; g < GRAPHS; g++) {
      List<GraphNode> nodes = randomDag(random);
      String where = "graph #" + g + " " + nodes;
      Naive naive = new Naive(nodes);
      RevisionGraph graph = RevisionGraph.of(nodes);

      assertEquals(naive.order(), graph.order(), where);
      assertRespectsEdges(naive, graph.order(), where);
      assertEquals(naive.heads(), graph.heads(), where);
      assertEquals(naive.realHeads(), graph.realHeads(), where);
      assertEquals(naive.bases(), graph.bases(), where);
      assertEquals(naive.realBases(), graph.realBases(), where);
      assertEquals(naive.unlabeledHeads(), graph.unlabeledHeads(), where);

      for (GraphNode node : nodes) {
        assertEquals(naive.branchLabels(node.id()), graph.branchLabels(node.id()), where);
      }
      for (int q = 0; q < 5; q++) {
        List<String> some = sample(random, naive.ids, random.nextInt(4));
        String query = where + " query " + some;
        assertEquals(
            inOrder(graph, naive.ancestors(some)), graph.ancestors(some), query + " ancestors");
        assertEquals(
            inOrder(graph, naive.descendants(some)),
            graph.descendants(some),
            query + " descendants");
        List<String> applied = sample(random, naive.ids, random.nextInt(naive.ids.size() + 1));
        assertEquals(
            naive.minimalHeads(applied), graph.minimalHeads(applied), where + " " + applied);
        // A real applied state is closed under ancestry; its rows are its minimal heads.
        List<String> state = List.copyOf(naive.ancestors(some));
        assertEquals(naive.minimalHeads(state), graph.minimalHeads(state), query + " state");
      }
      merges += (int) nodes.stream().filter(n -> n.revises().size() > 1).count();
      dependencies += (int) nodes.stream().filter(n -> !n.dependsOn().isEmpty()).count();
    }
    // Guards the generator: the shapes the test is about must actually occur.
    assertTrue(merges > GRAPHS, "merges: " + merges);
    assertTrue(dependencies > GRAPHS, "dependencies: " + dependencies);
  }

  @Test
  void randomCyclicGraphsReportOneShortestCyclePerComponent() {
    Random random = new Random(0x5EED_0002L);
    int cyclic = 0;
    for (int g = 0; g < GRAPHS; g++) {
      List<GraphNode> nodes = withBackEdges(random, randomDag(random));
      String where = "graph #" + g + " " + nodes;
      Naive naive = new Naive(nodes);
      List<GraphProblem.Cycle> cycles =
          GraphCheck.problems(nodes).stream().map(p -> assertInstanceOfCycle(p, where)).toList();

      Set<Set<String>> components = naive.cyclicComponents();
      assertEquals(components.size(), cycles.size(), where);
      List<String> starts = new ArrayList<>();
      for (GraphProblem.Cycle cycle : cycles) {
        List<String> path = cycle.path();
        String least = cycle.revision();
        assertEquals(least, nodes.get(cycle.node()).id(), where);
        assertEquals(least, path.get(0), where);
        assertEquals(least, path.get(path.size() - 1), where);
        Set<String> component = naive.componentOf(least);
        assertTrue(components.contains(component), where + " " + cycle);
        assertEquals(least, Collections.min(component), where + " " + cycle);
        for (int i = 0; i + 1 < path.size(); i++) {
          assertTrue(naive.parents(path.get(i)).contains(path.get(i + 1)), where + " " + cycle);
        }
        assertEquals(
            path.size() - 1,
            new LinkedHashSet<>(path.subList(0, path.size() - 1)).size(),
            where + " repeats a revision: " + cycle);
        assertEquals(naive.shortestCycleThrough(least), path.size() - 1, where + " " + cycle);
        GraphNode first = naive.byId.get(least);
        EdgeKind expectedKind =
            first.revises().contains(path.get(1)) ? EdgeKind.REVISES : EdgeKind.DEPENDS_ON;
        assertEquals(expectedKind, cycle.kind(), where + " " + cycle);
        starts.add(least);
      }
      assertEquals(starts.stream().sorted().toList(), starts, where + " cycles out of order");
      if (!cycles.isEmpty()) {
        cyclic++;
        assertThrows(InvalidGraphException.class, () -> RevisionGraph.of(nodes), where);
      }
    }
    assertTrue(cyclic > GRAPHS / 2, "cyclic graphs: " + cyclic);
  }

  private static GraphProblem.Cycle assertInstanceOfCycle(GraphProblem p, String where) {
    assertTrue(p instanceof GraphProblem.Cycle, where + " unexpected " + p);
    return (GraphProblem.Cycle) p;
  }

  private static void assertRespectsEdges(Naive naive, List<String> order, String where) {
    assertEquals(naive.ids.size(), new TreeSet<>(order).size(), where);
    for (String id : order) {
      for (String parent : naive.parents(id)) {
        assertTrue(order.indexOf(parent) < order.indexOf(id), where + " " + parent + "->" + id);
      }
    }
  }

  private static List<String> inOrder(RevisionGraph graph, Set<String> ids) {
    return graph.order().stream().filter(ids::contains).toList();
  }

  private static List<String> sample(Random random, List<String> ids, int count) {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < count; i++) result.add(ids.get(random.nextInt(ids.size())));
    return result;
  }

  /**
   * A random DAG of 1 to 30 revisions: mostly chains, some branches, merges of two or three,
   * dependencies, unique labels, and now and then a repeated edge. Shuffled, so that neither list
   * order nor id order gives the topological order away.
   */
  static List<GraphNode> randomDag(Random random) {
    int n = 1 + random.nextInt(30);
    List<String> ids = new ArrayList<>(randomIds(random, n));
    List<GraphNode> nodes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> revises = new ArrayList<>();
      if (i > 0 && random.nextInt(8) != 0) {
        int parents = random.nextInt(5) == 0 ? 2 + random.nextInt(2) : 1;
        for (int p = 0; p < parents; p++) revises.add(earlier(random, ids, i));
      }
      List<String> dependsOn = new ArrayList<>();
      if (i > 0 && random.nextInt(4) == 0) {
        for (int d = 1 + random.nextInt(2); d > 0; d--) dependsOn.add(earlier(random, ids, i));
      }
      List<String> labels = random.nextInt(6) == 0 ? List.of("L" + i) : List.of();
      if (random.nextInt(20) != 0) {
        revises = List.copyOf(new LinkedHashSet<>(revises));
        dependsOn = List.copyOf(new LinkedHashSet<>(dependsOn));
      }
      nodes.add(new GraphNode(ids.get(i), revises, dependsOn, labels));
    }
    Collections.shuffle(nodes, random);
    return nodes;
  }

  /** Mostly one of the last few revisions, so that graphs grow deep and not only wide. */
  private static String earlier(Random random, List<String> ids, int i) {
    int from = random.nextBoolean() ? Math.max(0, i - 4) : 0;
    return ids.get(from + random.nextInt(i - from));
  }

  private static Set<String> randomIds(Random random, int n) {
    Set<String> ids = new LinkedHashSet<>();
    while (ids.size() < n) {
      StringBuilder id = new StringBuilder();
      for (int len = 1 + random.nextInt(3); len > 0; len--) {
        id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
      }
      ids.add(id.toString());
    }
    return ids;
  }

  /** Adds one to three edges from a revision to one of its descendants or to itself. */
  private static List<GraphNode> withBackEdges(Random random, List<GraphNode> dag) {
    List<GraphNode> nodes = new ArrayList<>(dag);
    Naive naive = new Naive(dag);
    for (int k = 1 + random.nextInt(3); k > 0; k--) {
      int at = random.nextInt(nodes.size());
      GraphNode from = nodes.get(at);
      List<String> below = List.copyOf(naive.descendants(List.of(from.id())));
      String to = below.get(random.nextInt(below.size()));
      List<String> revises = new ArrayList<>(from.revises());
      List<String> dependsOn = new ArrayList<>(from.dependsOn());
      (random.nextBoolean() ? revises : dependsOn).add(to);
      nodes.set(at, new GraphNode(from.id(), revises, dependsOn, from.branchLabels()));
    }
    return nodes;
  }

  /** The definitions, written as directly as possible. */
  static final class Naive {
    final List<GraphNode> nodes;
    final Map<String, GraphNode> byId = new HashMap<>();
    final List<String> ids;
    // Memos only, so that 1,000 graphs stay quick; each value is still computed naively.
    private final Map<String, Set<String>> parents = new HashMap<>();
    private final Map<String, Set<String>> reachable = new HashMap<>();

    Naive(List<GraphNode> nodes) {
      this.nodes = nodes;
      nodes.forEach(n -> byId.put(n.id(), n));
      this.ids = nodes.stream().map(GraphNode::id).sorted().toList();
    }

    Set<String> parents(String id) {
      return parents.computeIfAbsent(
          id,
          k -> {
            Set<String> all = new TreeSet<>(byId.get(k).revises());
            all.addAll(byId.get(k).dependsOn());
            return all;
          });
    }

    List<String> heads() {
      return ids.stream()
          .filter(id -> nodes.stream().noneMatch(n -> n.revises().contains(id)))
          .toList();
    }

    List<String> realHeads() {
      return ids.stream()
          .filter(id -> nodes.stream().noneMatch(n -> parents(n.id()).contains(id)))
          .toList();
    }

    List<String> bases() {
      return ids.stream().filter(id -> byId.get(id).revises().isEmpty()).toList();
    }

    List<String> realBases() {
      return ids.stream().filter(id -> parents(id).isEmpty()).toList();
    }

    /** {@code start} and everything reachable through parents, by fixed point. */
    Set<String> ancestors(Collection<String> start) {
      Set<String> result = new TreeSet<>(start);
      boolean changed = true;
      while (changed) {
        changed = false;
        for (GraphNode n : nodes) {
          if (result.contains(n.id())) {
            for (String p : parents(n.id())) changed |= result.add(p);
          }
        }
      }
      return result;
    }

    /** {@code start} and everything that reaches it through parents, by fixed point. */
    Set<String> descendants(Collection<String> start) {
      Set<String> result = new TreeSet<>(start);
      boolean changed = true;
      while (changed) {
        changed = false;
        for (GraphNode n : nodes) {
          if (!result.contains(n.id()) && parents(n.id()).stream().anyMatch(result::contains)) {
            changed |= result.add(n.id());
          }
        }
      }
      return result;
    }

    /** The applied ids that are not a strict ancestor of another applied id. */
    List<String> minimalHeads(List<String> applied) {
      return applied.stream()
          .distinct()
          .filter(x -> applied.stream().noneMatch(y -> reaches(y, x)))
          .sorted()
          .toList();
    }

    /** Repeatedly the least id whose parents are all placed. */
    List<String> order() {
      List<String> placed = new ArrayList<>();
      while (placed.size() < ids.size()) {
        String next =
            ids.stream()
                .filter(id -> !placed.contains(id) && placed.containsAll(parents(id)))
                .findFirst()
                .orElseThrow();
        placed.add(next);
      }
      return placed;
    }

    Set<String> branchLabels(String id) {
      Set<String> line = new TreeSet<>(List.of(id));
      boolean changed = true;
      while (changed) {
        changed = false;
        for (String x : List.copyOf(line)) changed |= line.addAll(byId.get(x).revises());
      }
      Set<String> labels = new TreeSet<>();
      line.forEach(x -> labels.addAll(byId.get(x).branchLabels()));
      return labels;
    }

    List<String> unlabeledHeads() {
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

    /** Whether {@code to} can be reached from {@code from} by one or more edges. */
    boolean reaches(String from, String to) {
      return reachable.computeIfAbsent(from, k -> ancestors(parents(k))).contains(to);
    }

    Set<String> componentOf(String id) {
      Set<String> component = new TreeSet<>(List.of(id));
      for (String other : ids) {
        if (reaches(id, other) && reaches(other, id)) component.add(other);
      }
      return component;
    }

    Set<Set<String>> cyclicComponents() {
      Set<Set<String>> result = new LinkedHashSet<>();
      for (String id : ids) {
        if (reaches(id, id)) result.add(componentOf(id));
      }
      return result;
    }

    /** The number of edges of the shortest cycle through {@code id}, by relaxing distances. */
    int shortestCycleThrough(String id) {
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
      assertFalse(best == Integer.MAX_VALUE, "no cycle through " + id);
      return best;
    }
  }
}
