package dev.retort.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.Revision;
import dev.retort.RevisionInfo;
import dev.retort.processor.RevisionProcessor;
import dev.retort.graph.GraphCheck;
import dev.retort.graph.GraphNode;
import dev.retort.graph.GraphProblem;
import dev.retort.graph.Messages;
import dev.retort.graph.RevisionGraph;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotation processor, run by javac on generated sources of random graphs (valid ones and ones
 * with duplicate, malformed or reserved ids, missing revisions, cycles, self-loops, duplicate
 * labels, unlabeled parallel heads), never throws, and its verdict is the graph core's: the same
 * error messages, no more, no fewer, and a registry exactly when there are none. The graph core's
 * verdict (valid or not, which kinds of problem) is checked against brute-force definitions, and a
 * generated registry's order and metadata against a brute-force topological order.
 *
 * <p>200 graphs by default, not 1,000: each is a real javac run with the processor (about 0.1 s
 * when warm, more on a busy machine), and the graph rules themselves are fuzzed 1,000 times per
 * property in the runtime's RevisionGraphPropertyTest without a compiler. {@code -Plong} runs
 * 1,000. Seeded; {@code -Dretort.it.seed=N} picks other graphs.
 */
class ProcessorFuzzTest {

  private static final int GRAPHS = Chains.LONG ? 1_000 : 200;
  private static final long DEFAULT_SEED = 0x5EED_C0DEL;
  private static final String PACKAGE = "it.fuzz";
  private static final String REGISTRY = PACKAGE + ".Registry";

  @TempDir Path dir;

  @Test
  void theProcessorNeverThrowsAndAgreesWithTheGraphCore() throws Exception {
    long seed = Long.getLong("retort.it.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String annotations =
        Path.of(Revision.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    Map<String, Integer> verdicts = new TreeMap<>();
    long start = System.nanoTime();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      for (int g = 0; g < GRAPHS; g++) {
        List<Node> graph = mutate(random, FuzzGraphs.randomDag(random, 1 + random.nextInt(7)));
        boolean warnHeads = random.nextInt(4) == 0;
        try {
          verdicts.merge(check(javac, files, annotations, graph, warnHeads, g), 1, Integer::sum);
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
          kind + " never occurred: " + verdicts);
    }
  }

  /** Compiles one graph and checks the verdict; returns a name for the verdict's kind. */
  private String check(
      JavaCompiler javac,
      StandardJavaFileManager files,
      String annotations,
      List<Node> graph,
      boolean warnHeads,
      int index)
      throws Throwable {
    Path out = Files.createDirectories(dir.resolve("g" + index));
    files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
    files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(out.toFile()));
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) sources.add(source(i, graph.get(i)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler.CompilationTask task =
        javac.getTask(
            null,
            files,
            diagnostics,
            List.of(
                "--release",
                "17",
                "-classpath",
                annotations,
                "-Aretort.registry=" + REGISTRY,
                "-Aretort.multipleHeads=" + (warnHeads ? "warn" : "error")),
            null,
            sources);
    task.setProcessors(List.of(new RevisionProcessor()));
    boolean compiled = task.call(); // an exception out of the processor fails the test here

    List<String> errors = messages(diagnostics, Diagnostic.Kind.ERROR);
    List<String> warnings = messages(diagnostics, Diagnostic.Kind.WARNING);
    for (String message : errors) {
      assertTrue(!message.contains("[Retort/Internal]"), "the processor crashed: " + message);
    }

    // The graph core's verdict, on the revisions in the processor's order (id, then class).
    List<GraphNode> nodes = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      Node n = graph.get(i);
      nodes.add(new GraphNode(n.id(), n.revises(), n.dependsOn(), n.labels(), className(i)));
    }
    nodes.sort(Comparator.comparing(GraphNode::id).thenComparing(GraphNode::origin));
    List<GraphProblem> problems = GraphCheck.problems(nodes);
    assertEquals(bruteForceKinds(graph), kinds(problems), "graph core vs brute force");
    List<String> expectedErrors =
        new ArrayList<>(problems.stream().map(GraphProblem::message).toList());
    List<String> expectedWarnings = new ArrayList<>();
    String verdict = problems.isEmpty() ? "valid" : String.join("+", kinds(problems));
    if (problems.isEmpty()) {
      List<String> unlabeled = RevisionGraph.of(nodes).unlabeledHeads();
      assertEquals(bruteForceUnlabeledHeads(graph), unlabeled, "unlabeled heads vs brute force");
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
    assertEquals(expectedErrors.isEmpty(), compiled, "compiled exactly when there is no error");
    boolean generated = Files.exists(out.resolve(REGISTRY.replace('.', '/') + ".class"));
    assertEquals(compiled, generated, "a registry exactly when the graph is sound");
    if (compiled) checkRegistry(out, graph);
    return verdict;
  }

  /** The generated registry lists every revision as written, in the brute-force order. */
  private static void checkRegistry(Path out, List<Node> graph) throws Throwable {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {out.toUri().toURL()}, ProcessorFuzzTest.class.getClassLoader())) {
      MigrationRegistry registry =
          (MigrationRegistry)
              MethodHandles.publicLookup()
                  .findStatic(
                      loader.loadClass(REGISTRY),
                      "registry",
                      MethodType.methodType(MigrationRegistry.class))
                  .invoke();
      List<RevisionInfo> revisions = registry.revisions();
      assertEquals(bruteForceOrder(graph), revisions.stream().map(RevisionInfo::id).toList());
      Map<String, Node> byId = new HashMap<>();
      graph.forEach(n -> byId.put(n.id(), n));
      for (RevisionInfo info : revisions) {
        Node node = byId.get(info.id());
        assertEquals(node.revises(), info.revises(), info.id());
        assertEquals(node.dependsOn(), info.dependsOn(), info.id());
        assertEquals(node.labels(), info.branchLabels(), info.id());
        assertEquals(className(graph.indexOf(node)), info.className());
        assertEquals(64, info.checksum().length(), "a SHA-256 of the source");
      }
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
                  n.labels()));
          break;
        case 1: // a duplicate id
          nodes.set(i, new Node(other.id(), n.revises(), n.dependsOn(), n.labels()));
          break;
        case 2: // an edge from an earlier revision to a later one: a cycle when connected
          nodes.set(i, with(n, n.revises(), plus(n.dependsOn(), other.id()), n.labels()));
          break;
        case 3: // a malformed or reserved id
          nodes.set(
              i,
              new Node(
                  MALFORMED.get(random.nextInt(MALFORMED.size())),
                  n.revises(),
                  n.dependsOn(),
                  n.labels()));
          break;
        case 4: // a label used twice
          nodes.set(i, with(n, n.revises(), n.dependsOn(), plus(n.labels(), "dup")));
          nodes.set(
              0,
              with(
                  nodes.get(0),
                  nodes.get(0).revises(),
                  nodes.get(0).dependsOn(),
                  plus(nodes.get(0).labels(), "dup")));
          break;
        case 5: // a self-loop
          nodes.set(i, with(n, plus(n.revises(), n.id()), n.dependsOn(), n.labels()));
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

  // ---- brute force ----

  /** The kinds of problem, by plain definitions: quadratic scans and fixed points. */
  private static List<String> bruteForceKinds(List<Node> graph) {
    Set<String> kinds = new TreeSet<>();
    Map<String, Node> first = new HashMap<>();
    for (Node n : graph) {
      if (first.putIfAbsent(n.id(), n) != null) kinds.add("DuplicateId");
      String id = n.id();
      if (id.isEmpty()
          || Set.of("head", "heads", "base").contains(id)
          || id.startsWith("-")
          || id.chars()
              .anyMatch(c -> c == '@' || c == '+' || c == ':' || Character.isWhitespace(c))) {
        kinds.add("MalformedId");
      }
    }
    for (Node n : graph) {
      for (String p : plus(n.revises(), null)) {
        if (p != null && !first.containsKey(p)) kinds.add("MissingRevision");
      }
      for (String p : n.dependsOn()) if (!first.containsKey(p)) kinds.add("MissingRevision");
    }
    // A cycle: some declared revision reaches itself through edges between declared revisions.
    for (String start : first.keySet()) {
      Set<String> reached = new HashSet<>(parentsOf(first.get(start), first));
      boolean grew = true;
      while (grew) {
        grew = false;
        for (String id : new ArrayList<>(reached))
          grew |= reached.addAll(parentsOf(first.get(id), first));
      }
      if (reached.contains(start)) kinds.add("Cycle");
    }
    Map<String, Integer> labelUses = new HashMap<>();
    graph.forEach(n -> n.labels().forEach(l -> labelUses.merge(l, 1, Integer::sum)));
    if (labelUses.values().stream().anyMatch(c -> c > 1)) kinds.add("DuplicateLabel");
    return List.copyOf(kinds);
  }

  private static Set<String> parentsOf(Node node, Map<String, Node> declared) {
    Set<String> parents = new HashSet<>();
    for (String p : node.revises()) if (declared.containsKey(p)) parents.add(p);
    for (String p : node.dependsOn()) if (declared.containsKey(p)) parents.add(p);
    return parents;
  }

  /**
   * The heads (nothing revises them) when there are several and not each has a label of its own
   * through its line of revises; otherwise none.
   */
  private static List<String> bruteForceUnlabeledHeads(List<Node> graph) {
    Map<String, Node> byId = new HashMap<>();
    graph.forEach(n -> byId.put(n.id(), n));
    TreeSet<String> heads = new TreeSet<>(byId.keySet());
    graph.forEach(n -> n.revises().forEach(heads::remove));
    if (heads.size() < 2) return List.of();
    Map<String, Set<String>> labels = new HashMap<>();
    for (String head : heads) {
      Set<String> line = new HashSet<>(Set.of(head));
      boolean grew = true;
      while (grew) {
        grew = false;
        for (String id : new ArrayList<>(line)) grew |= line.addAll(byId.get(id).revises());
      }
      labels.put(
          head,
          line.stream().flatMap(id -> byId.get(id).labels().stream()).collect(Collectors.toSet()));
    }
    for (String head : heads) {
      boolean own =
          labels.get(head).stream()
              .anyMatch(l -> heads.stream().filter(h -> labels.get(h).contains(l)).count() == 1);
      if (!own) return List.copyOf(heads);
    }
    return List.of();
  }

  /** Repeatedly the smallest id whose revises and dependsOn are all placed. */
  private static List<String> bruteForceOrder(List<Node> graph) {
    List<String> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (order.size() < graph.size()) {
      String next = null;
      for (Node n : graph) {
        if (placed.contains(n.id())) continue;
        if (!placed.containsAll(n.revises()) || !placed.containsAll(n.dependsOn())) continue;
        if (next == null || n.id().compareTo(next) < 0) next = n.id();
      }
      order.add(next);
      placed.add(next);
    }
    return order;
  }

  // ---- sources and messages ----

  private static String className(int index) {
    return PACKAGE + ".Revision" + index;
  }

  private static JavaFileObject source(int index, Node n) {
    String simple = "Revision" + index;
    String code =
        "package "
            + PACKAGE
            + ";\n\nimport dev.retort.*;\n\n"
            + "@Revision(id = "
            + quote(n.id())
            + ", revises = "
            + array(n.revises())
            + ", dependsOn = "
            + array(n.dependsOn())
            + ", branchLabels = "
            + array(n.labels())
            + ")\n"
            + "public final class "
            + simple
            + " implements Migration {\n"
            + "  @Override public void upgrade(MigrationContext ctx) {}\n"
            + "  @Override public void downgrade(MigrationContext ctx) {}\n"
            + "}\n";
    return new SimpleJavaFileObject(
        URI.create("string:///" + PACKAGE.replace('.', '/') + "/" + simple + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\t", "\\t").replace("\"", "\\\"") + "\"";
  }

  private static String array(List<String> items) {
    return items.stream().map(ProcessorFuzzTest::quote).collect(Collectors.joining(", ", "{", "}"));
  }

  private static List<String> messages(
      DiagnosticCollector<JavaFileObject> d, Diagnostic.Kind kind) {
    return d.getDiagnostics().stream()
        .filter(x -> x.getKind() == kind)
        .map(x -> x.getMessage(Locale.ROOT))
        .toList();
  }

  private static List<String> kinds(List<GraphProblem> problems) {
    return problems.stream().map(p -> p.getClass().getSimpleName()).distinct().sorted().toList();
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
  }
}
