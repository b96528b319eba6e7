package dev.retort.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One case recorded from real Alembic (see shared/conformance/alembic-1.8.1/README.md): a graph and
 * the scenarios run on it. Only the fields the tests compare are read.
 */
public record ConformanceCase(
    String name,
    String invalidKind,
    List<Revision> revisions,
    List<String> heads,
    List<String> bases,
    List<Scenario> scenarios) {

  public record Revision(
      String id, List<String> revises, List<String> dependsOn, List<String> branchLabels) {}

  record Scenario(
      String id,
      String kind,
      String start,
      List<String> startApplied,
      String command,
      String target,
      List<List<String>> calls,
      List<String> versionTable,
      List<String> applied,
      Error error,
      List<String> minimalVersionTable,
      List<String> anomalies) {

    boolean hasAnomalies() {
      return anomalies != null && !anomalies.isEmpty();
    }
  }

  record Error(String category, String message) {}

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Every case file of the random and the real-world sets. */
  static Stream<Path> files() throws IOException {
    Path conformance = folder();
    return Stream.concat(
        list(conformance.resolve("alembic-1.8.1")), list(conformance.resolve("real-world")));
  }

  static ConformanceCase read(Path file) {
    return JSON.readValue(file.toFile(), ConformanceCase.class);
  }

  private static Stream<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().equals("summary.json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** shared/conformance, found beside the checkout or above the working directory. */
  static Path folder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate :
          List.of(dir.resolve("shared/conformance"), dir.resolve("../shared/conformance"))) {
        if (Files.isDirectory(candidate.resolve("alembic-1.8.1"))) return candidate.normalize();
      }
    }
    throw new AssertionError(
        "shared/conformance not found above "
            + Path.of("").toAbsolutePath()
            + "; the conformance data must sit beside the checkout");
  }
}
