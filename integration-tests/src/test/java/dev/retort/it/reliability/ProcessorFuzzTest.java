package dev.retort.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.Revision;
import dev.retort.RevisionInfo;
import dev.retort.graph.GraphCheck;
import dev.retort.graph.GraphNode;
import dev.retort.graph.GraphProblem;
import dev.retort.graph.Messages;
import dev.retort.graph.RevisionGraph;
import dev.retort.testkit.Compiled;
import dev.retort.testkit.GraphOracle;
import dev.retort.testkit.Node;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSources;
import dev.retort.testkit.RevisionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotation processor, run by javac on generated sources of random graphs (valid ones and ones
 * with duplicate, malformed or reserved ids, missing revisions, cycles, self-loops, duplicate
 * labels, unlabeled parallel heads), never throws, and its verdict is the graph core's: the same
 * error messages, no more, no fewer, and a registry exactly when there are none. The graph core's
 * verdict (valid or not, which kinds of problem) is checked against brute-force definitions, and a
 * generated registry's order and metadata against a brute-force topological order (both from the
 * test kit's {@link GraphOracle}).
 *
 * <p>200 graphs by default, not 1,000: each is a real javac run with the processor (about 0.1 s
 * when warm, more on a busy machine), and the graph rules themselves are fuzzed 1,000 times per
 * property in the graph module's RevisionGraphPropertyTest without a compiler. {@code -Plong} runs
 * 1,000. The seed is fixed, random under {@code -Plong}, and printed ({@link Seeds}).
 */
class ProcessorFuzzTest {

  private static final int GRAPHS = Chains.LONG ? 1_000 : 200;
  private static final long DEFAULT_SEED = 0x5EED_C0DEL;
  private static final String PACKAGE = "it.fuzz";
  private static final String REGISTRY = PACKAGE + ".Registry";

  @TempDir Path dir;

  @Test
  void theProcessorNeverThrowsAndAgreesWithTheGraphCore() throws Exception {
    long seed = Seeds.seed(DEFAULT_SEED);
    Random random = new Random(seed);
    // The Retort API alone: a short class path keeps each of the many compilations quick.
    Path annotations =
        Path.of(Revision.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, Integer> verdicts = new TreeMap<>();
    long start = System.nanoTime();
    try (RegistryCompiler javac = new RegistryCompiler(List.of(annotations))) {
      for (int g = 0; g < GRAPHS; g++) {
        List<Node> graph = mutate(random, FuzzGraphs.randomDag(random, 1 + random.nextInt(7)));
        boolean warnHeads = random.nextInt(4) == 0;
        try {
          verdicts.merge(check(javac, graph, warnHeads, g), 1, Integer::sum);
        } catch (Throwable e) {
          throw new AssertionError(
              "seed " + seed + ", graph #" + g + " " + graph + " warnHeads=" + warnHeads + ": " + e,
              e);
        }
      }
    }
    System.out.printf(
        "ProcessorFuzzTest: seed %d, %d graphs compiled in %d ms; verdicts: %s%n",
        seed, GRAPHS, (System.nanoTime() - start) / 1_000_000, verdicts);
    // Guards the generator: valid graphs and each kind of problem must occur.
    for (String kind :
        List.of(
            "valid",
            "Cycle",
            "DuplicateId",
            "DuplicateLabel",
            "MalformedId",
            "MissingRevision",
            "MultipleHeads")) {
      assertTrue(
          verdicts.keySet().stream().anyMatch(v -> v.contains(kind)),
          "seed " + seed + ": " + kind + " never occurred: " + verdicts);
    }
  }

  /** Compiles one graph and checks the verdict; returns a name for the verdict's kind. */
  private String check(RegistryCompiler javac, List<Node> graph, boolean warnHeads, int index)
      throws Throwable {
    // An exception out of the processor fails the test in run().
    Compiled compiled =
        javac.run(
            dir.resolve("g" + index),
            List.of(
                "-Aretort.registry=" + REGISTRY,
                "-Aretort.multipleHeads=" + (warnHeads ? "warn" : "error")),
            RevisionSources.sources(PACKAGE, graph.stream().map(RevisionSpec::empty).toList()));

    List<String> errors = compiled.errors();
    List<String> warnings = compiled.warnings();
    for (String message : errors) {
      assertTrue(!message.contains("[Retort/Internal]"), "the processor crashed: " + message);
    }

    // The graph core's verdict, on the revisions in the processor's order (id, then class).
    List<GraphNode> nodes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      Node n = graph.get(i);
      nodes.add(new GraphNode(n.id(), n.revises(), n.dependsOn(), n.branchLabels(), className(i)));
    }
    nodes.sort(Comparator.comparing(GraphNode::id).thenComparing(GraphNode::origin));
    List<GraphProblem> problems = GraphCheck.problems(nodes);
    GraphOracle oracle = new GraphOracle(graph);
    assertEquals(oracle.problemKinds(), kinds(problems), "graph core vs brute force");
    List<String> expectedErrors =
        new ArrayList<>(problems.stream().map(GraphProblem::message).toList());
    List<String> expectedWarnings = new ArrayList<>();
    String verdict = problems.isEmpty() ? "valid" : String.join("+", kinds(problems));
    if (problems.isEmpty()) {
      List<String> unlabeled = RevisionGraph.of(nodes).unlabeledHeads();
      assertEquals(oracle.unlabeledHeads(), unlabeled, "unlabeled heads vs brute force");
      if (!unlabeled.isEmpty()) {
        (warnHeads ? expectedWarnings : expectedErrors).add(Messages.multipleHeads(unlabeled));
        verdict = (warnHeads ? "valid, warned " : "") + "MultipleHeads";
      }
    }
    assertEquals(sorted(expectedErrors), sorted(errors), "errors");
    assertEquals(
        sorted(expectedWarnings),
        sorted(warnings.stream().filter(w -> w.startsWith("[Retort/")).toList()),
        "warnings");
    assertEquals(
        expectedErrors.isEmpty(), compiled.success(), "compiled exactly when there is no error");
    assertEquals(
        compiled.success(),
        compiled.hasClass(REGISTRY),
        "a registry exactly when the graph is sound");
    if (compiled.success()) checkRegistry(compiled.registry(REGISTRY), graph, oracle);
    return verdict;
  }

  /** The generated registry lists every revision as written, in the brute-force order. */
  private static void checkRegistry(
      MigrationRegistry registry, List<Node> graph, GraphOracle oracle) {
    List<RevisionInfo> revisions = registry.revisions();
    assertEquals(oracle.order(), revisions.stream().map(RevisionInfo::id).toList());
    Map<String, Node> byId = new HashMap<>();
    graph.forEach(n -> byId.put(n.id(), n));
    for (RevisionInfo info : revisions) {
      Node node = byId.get(info.id());
      assertEquals(node.revises(), info.revises(), info.id());
      assertEquals(node.dependsOn(), info.dependsOn(), info.id());
      assertEquals(node.branchLabels(), info.branchLabels(), info.id());
      assertEquals(className(graph.indexOf(node)), info.className());
      assertEquals(64, info.checksum().length(), "a SHA-256 of the source");
    }
  }

  // ---- mutations: turn a valid graph into one with problems, some of the time ----

  private static final List<String> MALFORMED =
      List.of("head", "heads", "base", "a b", "-x1", "a@b", "x:y", "p+1", "", "tab\tid");

  private static List<Node> mutate(Random random, List<Node> graph) {
    List<Node> nodes = new ArrayList<>(graph);
    int mutations = random.nextInt(3) == 0 ? 0 : random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      int i = random.nextInt(nodes.size());
      Node n = nodes.get(i);
      Node other = nodes.get(random.nextInt(nodes.size()));
      switch (random.nextInt(7)) {
        case 0: // an edge to an id no revision declares, sometimes a near miss
          nodes.set(
              i,
              with(
                  n,
                  plus(n.revises(), random.nextBoolean() ? other.id() + "x" : "zz9"),
                  n.dependsOn(),
                  n.branchLabels()));
          break;
        case 1: // a duplicate id
          nodes.set(i, new Node(other.id(), n.revises(), n.dependsOn(), n.branchLabels()));
          break;
        case 2: // an edge from an earlier revision to a later one: a cycle when connected
          nodes.set(i, with(n, n.revises(), plus(n.dependsOn(), other.id()), n.branchLabels()));
          break;
        case 3: // a malformed or reserved id
          nodes.set(
              i,
              new Node(
                  MALFORMED.get(random.nextInt(MALFORMED.size())),
                  n.revises(),
                  n.dependsOn(),
                  n.branchLabels()));
          break;
        case 4: // a label used twice
          nodes.set(i, with(n, n.revises(), n.dependsOn(), plus(n.branchLabels(), "dup")));
          nodes.set(
              0,
              with(
                  nodes.get(0),
                  nodes.get(0).revises(),
                  nodes.get(0).dependsOn(),
                  plus(nodes.get(0).branchLabels(), "dup")));
          break;
        case 5: // a self-loop
          nodes.set(i, with(n, plus(n.revises(), n.id()), n.dependsOn(), n.branchLabels()));
          break;
        default: // a second head without a label
          nodes.add(
              new Node(FuzzGraphs.randomId(random) + "h", List.of(n.id()), List.of(), List.of()));
      }
    }
    return nodes;
  }

  private static Node with(
      Node n, List<String> revises, List<String> dependsOn, List<String> labels) {
    return new Node(n.id(), revises, dependsOn, labels);
  }

  private static List<String> plus(List<String> list, String item) {
    List<String> result = new ArrayList<>(list);
    result.add(item);
    return result;
  }

  // ---- sources and messages ----

  private static String className(int index) {
    return PACKAGE + "." + RevisionSources.className(index);
  }

  private static List<String> kinds(List<GraphProblem> problems) {
    return problems.stream().map(p -> p.getClass().getSimpleName()).distinct().sorted().toList();
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
  }
}
