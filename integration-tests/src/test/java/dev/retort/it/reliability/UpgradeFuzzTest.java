package dev.retort.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.GraphOracle;
import dev.retort.testkit.Node;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random revision graphs (merges, dependsOn edges, branch labels, several heads), each applied by
 * the real runtime to an in-memory SQLite database through a random sequence of upgrades and
 * downgrades. After every command the revisions whose bodies have run are exactly those a
 * brute-force oracle expects: from any reachable state, an upgrade adds exactly the missing
 * ancestors of its target (each run once, after everything it revises or depends on), a downgrade
 * removes exactly what descends from what it removes; the version rows are the maximal applied
 * revisions; a refused target changes nothing.
 *
 * <p>The registries are built by hand here, not compiled: this property is about the runtime, and
 * compiling 1,000 graphs would take minutes ({@link ProcessorFuzzTest} covers the processor). The
 * seed is fixed, random under {@code -Plong}, and printed ({@link Seeds}); {@code -Plong} runs
 * 10,000.
 */
class UpgradeFuzzTest {

  private static final int GRAPHS = Chains.LONG ? 10_000 : 1_000;
  private static final long DEFAULT_SEED = 0x5EED_F022L;

  @Test
  void fromAnyReachableStateACommandLeavesExactlyTheOracleRevisionsApplied() throws Exception {
    long seed = Seeds.seed(DEFAULT_SEED);
    Random random = new Random(seed);
    Map<String, Integer> commands = new TreeMap<>();
    long start = System.nanoTime();
    for (int g = 0; g < GRAPHS; g++) {
      List<Node> graph = FuzzGraphs.randomDag(random, 1 + random.nextInt(9));
      try {
        runCommands(graph, g, random, commands);
      } catch (AssertionError | Exception e) {
        throw new AssertionError("seed " + seed + ", graph #" + g + " " + graph + ": " + e, e);
      }
    }
    System.out.printf(
        "UpgradeFuzzTest: seed %d, %d graphs in %d ms; commands: %s%n",
        seed, GRAPHS, (System.nanoTime() - start) / 1_000_000, commands);
    // Guards the generator: every kind of command must have been exercised, refusals included.
    for (String kind :
        List.of(
            "upgrade id",
            "upgrade heads",
            "upgrade head",
            "upgrade label@head",
            "downgrade id",
            "downgrade base",
            "refused MULTIPLE_HEADS",
            "refused NOT_APPLIED")) {
      assertTrue(
          commands.getOrDefault(kind, 0) > GRAPHS / 50,
          "seed " + seed + ": " + kind + ": " + commands);
    }
  }

  private static void runCommands(
      List<Node> graph, int index, Random random, Map<String, Integer> commands) throws Exception {
    String url = "jdbc:sqlite:file:fuzz" + index + "?mode=memory&cache=shared";
    Oracle oracle = new Oracle(graph);
    List<String> log = new ArrayList<>();
    // The in-memory database lives while one connection to it is open.
    try (Connection keeper = DriverManager.getConnection(url);
        Statement s = keeper.createStatement()) {
      s.execute("CREATE TABLE applied (revision VARCHAR(16) PRIMARY KEY)");
      Retort retort = Retort.builder(registry(graph, log)).url(url).build();
      Set<String> state = new HashSet<>();
      int steps = 1 + random.nextInt(5);
      for (int step = 0; step < steps; step++) {
        log.clear();
        Command command = Command.random(random, graph, oracle);
        commands.merge(command.kind, 1, Integer::sum);
        String where = command + " from " + new TreeSet<>(state);
        Set<String> expected;
        try {
          if (command.up) {
            retort.upgrade(command.target);
          } else {
            retort.downgrade(command.target);
          }
          expected =
              command.up
                  ? oracle.afterUpgrade(state, command)
                  : oracle.afterDowngrade(state, command);
          if (expected == null) fail(where + ": expected a refusal");
          checkOrder(oracle, state, log, command.up, where);
        } catch (RetortException e) {
          ErrorCode refusal =
              command.up ? oracle.upgradeRefusal(command) : oracle.downgradeRefusal(state, command);
          assertEquals(refusal, e.code(), where + ": " + e.getMessage());
          commands.merge("refused " + e.code(), 1, Integer::sum);
          assertEquals(List.of(), log, where + ": a refused command ran something");
          expected = state;
        }
        assertEquals(new TreeSet<>(expected), applied(keeper), where + ": applied");
        assertEquals(oracle.maximal(expected), retort.current(), where + ": version rows");
        state = expected;
      }
    }
  }

  /** Each upgrade ran after everything it needs; each downgrade before anything that needs it. */
  private static void checkOrder(
      Oracle oracle, Set<String> before, List<String> log, boolean up, String where) {
    Set<String> present = new HashSet<>(before);
    for (String entry : log) {
      String id = entry.substring(entry.indexOf(' ') + 1);
      assertTrue(entry.startsWith(up ? "up " : "down "), where + ": " + log);
      if (up) {
        assertTrue(present.containsAll(oracle.parents(id)), where + ": order " + log);
        assertTrue(present.add(id), where + ": ran twice " + log);
      } else {
        present.remove(id);
        for (String other : present) {
          assertTrue(!oracle.parents(other).contains(id), where + ": order " + log);
        }
      }
    }
  }

  private static Set<String> applied(Connection c) throws SQLException {
    Set<String> applied = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT revision FROM applied")) {
      while (rs.next()) applied.add(rs.getString(1));
    }
    return applied;
  }

  private static MigrationRegistry registry(List<Node> graph, List<String> log) {
    List<RevisionInfo> revisions = new ArrayList<>();
    for (Node node : graph) {
      String id = node.id();
      Migration migration =
          new Migration() {
            @Override
            public void upgrade(MigrationContext ctx) throws Exception {
              ctx.execute("INSERT INTO applied (revision) VALUES ('" + id + "')");
              log.add("up " + id);
            }

            @Override
            public void downgrade(MigrationContext ctx) throws Exception {
              ctx.execute("DELETE FROM applied WHERE revision = '" + id + "'");
              log.add("down " + id);
            }
          };
      revisions.add(
          new RevisionInfo(
              id,
              node.revises(),
              node.dependsOn(),
              node.branchLabels(),
              "",
              true,
              true,
              "",
              "fuzz." + id,
              "",
              () -> migration));
    }
    List<RevisionInfo> fixed = List.copyOf(revisions);
    return () -> fixed;
  }

  /** One command and the kind it counts as. */
  private record Command(boolean up, String target, String kind) {

    static Command random(Random random, List<Node> graph, Oracle oracle) {
      String id = graph.get(random.nextInt(graph.size())).id();
      int pick = random.nextInt(100);
      if (pick < 30) return new Command(true, id, "upgrade id");
      if (pick < 42) return new Command(true, "heads", "upgrade heads");
      if (pick < 52) return new Command(true, "head", "upgrade head");
      if (pick < 65) {
        List<String> labels = oracle.labels();
        if (!labels.isEmpty()) {
          String label = labels.get(random.nextInt(labels.size()));
          return new Command(true, label + "@head", "upgrade label@head");
        }
        return new Command(true, id, "upgrade id");
      }
      if (pick < 92) return new Command(false, id, "downgrade id");
      return new Command(false, "base", "downgrade base");
    }

    @Override
    public String toString() {
      return (up ? "upgrade " : "downgrade ") + target;
    }
  }

  /**
   * What each random command must do, by brute-force definitions that share nothing with the
   * runtime's graph code ({@link GraphOracle}).
   */
  private static final class Oracle {
    private final GraphOracle graph;
    private final List<String> labels = new ArrayList<>();

    Oracle(List<Node> nodes) {
      this.graph = new GraphOracle(nodes);
      nodes.forEach(n -> labels.addAll(n.branchLabels()));
    }

    Set<String> parents(String id) {
      return graph.parents(id);
    }

    List<String> labels() {
      return labels;
    }

    List<String> maximal(Set<String> applied) {
      return graph.maximal(applied);
    }

    /** The revisions an upgrade target names, or {@code null} when it names several heads. */
    private List<String> targets(Command command) {
      List<String> heads = new ArrayList<>(graph.heads());
      if (command.target.equals("heads")) return heads;
      if (command.target.equals("head")) return heads.size() == 1 ? heads : null;
      if (command.target.endsWith("@head")) {
        String label = command.target.substring(0, command.target.indexOf('@'));
        List<String> labelHeads = new ArrayList<>(graph.labelHeads(label));
        return labelHeads.size() == 1 ? labelHeads : null;
      }
      return List.of(command.target);
    }

    ErrorCode upgradeRefusal(Command command) {
      return targets(command) == null ? ErrorCode.MULTIPLE_HEADS : null;
    }

    Set<String> afterUpgrade(Set<String> state, Command command) {
      List<String> targets = targets(command);
      if (targets == null) return null;
      Set<String> after = new HashSet<>(state);
      after.addAll(graph.ancestors(new HashSet<>(targets)));
      return after;
    }

    ErrorCode downgradeRefusal(Set<String> state, Command command) {
      return command.target.equals("base") || state.contains(command.target)
          ? null
          : ErrorCode.NOT_APPLIED;
    }

    /**
     * Without {@code target}'s children through revises and everything that revises or depends on
     * them; what merely depends on {@code target} stays, as {@code target} does.
     */
    Set<String> afterDowngrade(Set<String> state, Command command) {
      if (command.target.equals("base")) return Set.of();
      if (!state.contains(command.target)) return null;
      Set<String> after = new HashSet<>(state);
      after.removeAll(graph.revertedByDowngradeTo(command.target));
      return after;
    }
  }
}
