package dev.retort.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each set's index lists exactly its case files, and every case reads with its scenarios. */
class ConformanceSetTest {

  private static final Path RESOURCES =
      Path.of(System.getProperty("basedir", "."), "src/main/resources");

  @ParameterizedTest
  @EnumSource(ConformanceSet.class)
  void theIndexListsEveryCaseFileOfTheFolder(ConformanceSet set) throws IOException {
    Path folder = RESOURCES.resolve(ConformanceSet.ROOT.substring(1)).resolve(set.folder());
    List<String> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .map(f -> f.getFileName().toString())
              .filter(name -> name.endsWith(".json") && !name.equals("summary.json"))
              .sorted()
              .toList();
    }
    assertEquals(files, set.fileNames());
    assertTrue(Files.isRegularFile(folder.resolve("README.md")), "the set's README");
  }

  @ParameterizedTest
  @EnumSource(ConformanceSet.class)
  void everyCaseReadsWithItsGraphAndScenarios(ConformanceSet set) {
    List<ConformanceCase> cases = set.cases().toList();
    assertEquals(set.fileNames().size(), cases.size());
    assertTrue(
        cases.stream()
            .flatMap(c -> c.scenarios().stream())
            .anyMatch(s -> s.error() != null && s.error().category().equals("multiple_heads")),
        "scenario errors are read");
    for (ConformanceCase c : cases) {
      assertFalse(c.revisions().isEmpty(), c.name());
      if (c.invalidKind() == null) {
        assertFalse(c.heads().isEmpty(), c.name());
        assertFalse(c.bases().isEmpty(), c.name());
        ConformanceCase.Scenario first = c.scenarios().get(0);
        assertEquals("upgrade_heads_from_empty", first.kind(), c.name());
        assertEquals("upgrade", first.command(), c.name());
        assertFalse(first.calls().isEmpty(), c.name());
        assertEquals("up", first.calls().get(0).get(0), c.name());
        if (first.error() == null) {
          // Every revision is a head or below one, so upgrading the heads applies them all.
          assertEquals(
              c.revisions().stream().map(Node::id).sorted().toList(), first.applied(), c.name());
        }
      }
    }
  }
}
