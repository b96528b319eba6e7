package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.graph.GraphProblem.EdgeKind;
import dev.retort.testkit.GraphOracle;
import dev.retort.testkit.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Checks the graph core against naive definitions on random graphs: the test kit's {@link
 * GraphOracle}, slow on purpose (fixed points, quadratic scans) so that it shares no code or idea
 * with the real one.
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
      GraphOracle naive = oracle(nodes);
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
        List<String> some = sample(random, naive.ids(), random.nextInt(4));
        String query = where + " query " + some;
        assertEquals(
            inOrder(graph, naive.ancestors(some)), graph.ancestors(some), query + " ancestors");
        assertEquals(
            inOrder(graph, naive.descendants(some)),
            graph.descendants(some),
            query + " descendants");
        List<String> applied = sample(random, naive.ids(), random.nextInt(naive.ids().size() + 1));
        assertEquals(naive.maximal(applied), graph.minimalHeads(applied), where + " " + applied);
        // A real applied state is closed under ancestry; its rows are its minimal heads.
        List<String> state = List.copyOf(naive.ancestors(some));
        assertEquals(naive.maximal(state), graph.minimalHeads(state), query + " state");
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
      GraphOracle naive = oracle(nodes);
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
        Node first = naive.node(least);
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

  private static void assertRespectsEdges(GraphOracle naive, List<String> order, String where) {
    assertEquals(naive.ids().size(), new TreeSet<>(order).size(), where);
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
    GraphOracle naive = oracle(dag);
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

  /** The test kit's brute-force oracle for the same graph. */
  private static GraphOracle oracle(List<GraphNode> nodes) {
    return new GraphOracle(
        nodes.stream()
            .map(n -> new Node(n.id(), n.revises(), n.dependsOn(), n.branchLabels()))
            .toList());
  }
}
