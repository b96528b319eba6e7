package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.graph.GraphProblem.EdgeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Large graphs: the algorithms are iterative and linear, so long chains must not overflow the stack
 * and big graphs must answer at once. Times are printed, never asserted: a shared build machine
 * makes absolute limits flaky.
 */
class GraphScaleTest {

  /** Alembic-like 12-hex-digit ids, unrelated to the chain's order. */
  private static String id(int i) {
    return String.format("%012x", (i * 0x9E3779B97F4BL) & 0xFFFF_FFFF_FFFFL);
  }

  private static List<GraphNode> chain(int n) {
    List<GraphNode> nodes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> revises = i == 0 ? List.of() : List.of(id(i - 1));
      List<String> labels = i == 0 ? List.of("main") : List.of();
      nodes.add(new GraphNode(id(i), revises, List.of(), labels));
    }
    Collections.shuffle(nodes, new Random(7));
    return nodes;
  }

  /** The times of one scenario, printed as one line. */
  private static final class Timings {
    private final StringBuilder line;

    Timings(String scenario) {
      line = new StringBuilder("graph scale: ").append(scenario).append(':');
    }

    <T> T time(String what, Supplier<T> work) {
      long start = System.nanoTime();
      T result = work.get();
      long millis = (System.nanoTime() - start) / 1_000_000;
      line.append(' ').append(what).append(' ').append(millis).append(" ms");
      return result;
    }

    void print() {
      System.out.println(line);
    }
  }

  @Test
  void chainOf10000() {
    assertChain(10_000);
  }

  @Test
  void chainOf100000DoesNotOverflow() {
    assertChain(100_000);
  }

  private static void assertChain(int n) {
    List<GraphNode> nodes = chain(n);
    String base = id(0);
    String tip = id(n - 1);
    Timings t = new Timings("chain of " + n);
    RevisionGraph g = t.time("build", () -> RevisionGraph.of(nodes));
    assertEquals(IntStream.range(0, n).mapToObj(i -> id(i)).toList(), g.order());
    assertEquals(List.of(tip), t.time("heads", g::heads));
    assertEquals(List.of(base), g.bases());
    assertEquals(g.order(), t.time("ancestors", () -> g.ancestors(List.of(tip))));
    assertEquals(g.order(), t.time("descendants", () -> g.descendants(List.of(base))));
    assertEquals(List.of(tip), t.time("minimalHeads", () -> g.minimalHeads(g.order())));
    assertEquals(List.of("main"), List.copyOf(g.branchLabels(tip)));
    assertEquals(List.of(), g.unlabeledHeads());
    t.print();
  }

  @Test
  void ringOf100000IsOneCycleFromItsSmallestId() {
    int n = 100_000;
    List<GraphNode> nodes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = String.format("r%06d", i);
      nodes.add(
          new GraphNode(id, List.of(String.format("r%06d", (i + 1) % n)), List.of(), List.of()));
    }
    Timings t = new Timings("ring of " + n);
    List<GraphProblem> found = t.time("check", () -> GraphCheck.problems(nodes));
    t.print();
    List<String> path = new ArrayList<>();
    for (int i = 0; i <= n; i++) path.add(String.format("r%06d", i % n));
    assertEquals(List.of(new GraphProblem.Cycle(0, "r000000", path, EdgeKind.REVISES)), found);
  }

  /** Each cycle's path search must cost its own size, not the graph's (it once cost both). */
  @Test
  void manySmallCyclesAreEachReported() {
    int pairs = 20_000;
    List<GraphNode> nodes = new ArrayList<>(2 * pairs);
    for (int i = 0; i < pairs; i++) {
      String a = String.format("a%05d", i);
      String b = String.format("b%05d", i);
      nodes.add(new GraphNode(a, List.of(b), List.of(), List.of()));
      nodes.add(new GraphNode(b, List.of(), List.of(a), List.of()));
    }
    Timings t = new Timings(pairs + " two-revision cycles");
    List<GraphProblem> found = t.time("check", () -> GraphCheck.problems(nodes));
    t.print();
    assertEquals(pairs, found.size());
    for (int i = 0; i < pairs; i++) {
      String a = String.format("a%05d", i);
      String b = String.format("b%05d", i);
      assertEquals(
          new GraphProblem.Cycle(2 * i, a, List.of(a, b, a), EdgeKind.REVISES), found.get(i));
    }
  }

  /**
   * 100 lanes of 100 layers: each revision revises its lane's previous one, every fifth layer also
   * merges the neighbouring lane, and every seventh depends on a lane across the graph.
   */
  @Test
  void wideMergeHeavyGraphOf10000() {
    int lanes = 100;
    int layers = 100;
    List<GraphNode> nodes = new ArrayList<>(lanes * layers);
    for (int l = 0; l < layers; l++) {
      for (int k = 0; k < lanes; k++) {
        List<String> revises = new ArrayList<>();
        List<String> dependsOn = new ArrayList<>();
        if (l > 0) {
          revises.add(cell(l - 1, k));
          if (l % 5 == 0) revises.add(cell(l - 1, (k + 1) % lanes));
        }
        if (l >= 3 && l % 7 == 0) dependsOn.add(cell(l - 3, (k + lanes / 2) % lanes));
        nodes.add(new GraphNode(cell(l, k), revises, dependsOn, List.of()));
      }
    }
    Collections.shuffle(nodes, new Random(11));
    Timings t = new Timings("100 x 100 merge-heavy grid");
    RevisionGraph g = t.time("build", () -> RevisionGraph.of(nodes));
    List<String> last = layer(layers - 1, lanes);
    List<String> first = layer(0, lanes);
    assertEquals(last, t.time("heads", g::heads));
    assertEquals(first, g.bases());
    assertEquals(last, g.unlabeledHeads());
    assertEquals(g.size(), t.time("ancestors", () -> g.ancestors(last)).size());
    assertEquals(g.size(), t.time("descendants", () -> g.descendants(first)).size());
    // Same-layer revisions never reach one another, so an applied state up to a layer has that
    // layer as its rows.
    List<String> middle = layer(50, lanes);
    List<String> upToMiddle = g.ancestors(middle);
    assertTrue(upToMiddle.size() > middle.size());
    assertEquals(middle, t.time("minimalHeads", () -> g.minimalHeads(upToMiddle)));
    assertEquals(last, g.minimalHeads(g.order()));
    t.print();
  }

  private static String cell(int layer, int lane) {
    return String.format("L%03d_%03d", layer, lane);
  }

  private static List<String> layer(int layer, int lanes) {
    return IntStream.range(0, lanes).mapToObj(k -> cell(layer, k)).toList();
  }
}
