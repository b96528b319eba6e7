package dev.retort.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The target data's index lists every graph file, and each reads with its scenarios. */
class TargetConformanceTest {

  private static final Path FOLDER =
      Path.of(System.getProperty("basedir", "."), "src/main/resources")
          .resolve(TargetConformance.FOLDER.substring(1));

  @Test
  void theIndexListsEveryGraphFileOfTheFolder() throws IOException {
    List<String> files;
    try (Stream<Path> listing = Files.list(FOLDER)) {
      files =
          listing
              .map(f -> f.getFileName().toString())
              .filter(name -> name.endsWith(".json") && !name.equals("summary.json"))
              .map(name -> name.substring(0, name.length() - ".json".length()))
              .sorted()
              .toList();
    }
    assertEquals(
        files, TargetConformance.graphs().stream().map(TargetGraph::name).sorted().toList());
  }

  @Test
  void everyGraphReadsWithItsStartStatesAndScenarios() {
    int scenarios = 0;
    for (TargetGraph g : TargetConformance.graphs()) {
      assertFalse(g.revisions().isEmpty(), g.name());
      assertEquals(List.of(), g.startStates().get("empty").versionTable(), g.name());
      for (TargetGraph.TargetScenario s : g.scenarios()) {
        assertFalse(s.target() == null || s.command() == null, g.name() + "/" + s.id());
        if (!s.offline()) {
          assertEquals(
              g.startStates().get(s.start()).versionTable(),
              s.startVersionTable(),
              g.name() + "/" + s.id());
        }
      }
      scenarios += g.scenarios().size();
    }
    assertEquals(1177, scenarios);
  }

  @Test
  void theSoundOutcomesReadWithAReasonEach() {
    Map<String, SoundOutcome> outcomes = TargetConformance.soundOutcomes();
    assertEquals(139, outcomes.size(), "a list that silently shrinks proves less");
    outcomes.values().forEach(o -> assertFalse(o.reason().isBlank(), o.toString()));
  }
}
