package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.testkit.SoundOutcome;
import dev.retort.testkit.TargetConformance;
import dev.retort.testkit.TargetGraph;
import dev.retort.testkit.TargetGraph.TargetScenario;
import dev.retort.testkit.TargetVerdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded Alembic target scenario, resolved by {@link Targets} alone: the applied set and
 * version rows a command leaves (or its refusal) agree with Alembic's, except where the
 * sound-outcomes list says what Retort does instead and why.
 */
class AlembicTargetsTest {

  private static final Map<String, SoundOutcome> SOUND = TargetConformance.soundOutcomes();

  @TestFactory
  Stream<DynamicTest> everyScenarioAgreesWithAlembicOrIsListed() {
    return TargetConformance.graphs().stream()
        .map(g -> DynamicTest.dynamicTest(g.name(), () -> assertAgrees(g)));
  }

  @Test
  void theSoundOutcomesListOnlyRecordedScenariosAndEveryMarkedDefect() {
    Set<String> scenarios = new HashSet<>();
    Set<String> marked = new HashSet<>();
    for (TargetGraph g : TargetConformance.graphs()) {
      for (TargetScenario s : g.scenarios()) {
        scenarios.add(g.name() + "/" + s.id());
        if (!s.anomalies().isEmpty()) marked.add(g.name() + "/" + s.id());
      }
    }
    Set<String> unknown = new HashSet<>(SOUND.keySet());
    unknown.removeAll(scenarios);
    assertEquals(Set.of(), unknown, "listed but not recorded");
    Set<String> unlisted = new HashSet<>(marked);
    unlisted.removeAll(SOUND.keySet());
    assertEquals(Set.of(), unlisted, "marked as an Alembic defect but not listed");
  }

  private static void assertAgrees(TargetGraph g) {
    RevisionGraph graph =
        RevisionGraph.of(
            g.revisions().stream()
                .map(n -> new GraphNode(n.id(), n.revises(), n.dependsOn(), n.branchLabels()))
                .toList());
    Targets targets = new Targets(graph);
    Map<TargetVerdict.Kind, Integer> counts = new TreeMap<>();
    List<String> disagreements = new ArrayList<>();
    for (TargetScenario s : g.scenarios()) {
      TargetVerdict verdict = judge(g.name(), graph, targets, s);
      counts.merge(verdict.kind(), 1, Integer::sum);
      if (verdict.kind() == TargetVerdict.Kind.DISAGREES) disagreements.add(verdict.detail());
    }
    System.out.println("alembic-targets " + g.name() + ": " + counts);
    assertEquals(List.of(), disagreements, g.name() + ": " + counts);
  }

  private static TargetVerdict judge(
      String name, RevisionGraph graph, Targets targets, TargetScenario s) {
    Set<String> before = new HashSet<>(graph.ancestors(s.startVersionTable()));
    Set<String> after;
    try {
      if (s.offline()) {
        OfflineRange range =
            s.command().equals("upgrade")
                ? targets.upgradeRange(s.target())
                : targets.downgradeRange(s.target());
        before = new HashSet<>(graph.ancestors(range.rows()));
        after = apply(graph, s.command(), before, range.revisions());
      } else if (s.command().equals("upgrade")) {
        after =
            apply(
                graph, "upgrade", before, targets.upgradeTarget(s.target(), s.startVersionTable()));
      } else {
        after =
            apply(
                graph,
                "downgrade",
                before,
                targets.downgradeTarget(s.target(), s.startVersionTable()));
      }
    } catch (TargetException e) {
      return TargetVerdict.of(name, s, SOUND, true, before, before, List.of());
    }
    return TargetVerdict.of(name, s, SOUND, false, before, after, graph.minimalHeads(after));
  }

  /** What is applied after an upgrade reaching {@code revisions}, or a downgrade reverting them. */
  private static Set<String> apply(
      RevisionGraph graph, String command, Set<String> before, List<String> revisions) {
    Set<String> after = new HashSet<>(before);
    if (command.equals("upgrade")) after.addAll(graph.ancestors(revisions));
    else revisions.forEach(after::remove);
    return after;
  }
}
