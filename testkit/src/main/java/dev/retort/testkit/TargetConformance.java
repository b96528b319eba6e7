package dev.retort.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The target forms recorded from real Alembic 1.8.1 ({@code conformance/alembic-targets/} in this
 * kit's resources; {@code tools/alembic-targets/README.md} has the schema): eight graphs, each with
 * its start states and its scenarios, and the list of scenarios where Retort's outcome differs from
 * Alembic's on purpose ({@link SoundOutcome}).
 */
public final class TargetConformance {

  /** Where the data is, as a resource path. */
  public static final String FOLDER = ConformanceSet.ROOT + "alembic-targets/";

  /** How many graphs were recorded: a suite that silently shrinks proves less. */
  public static final int GRAPHS = 8;

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private TargetConformance() {}

  /** Every recorded graph, in the index's order. */
  public static List<TargetGraph> graphs() {
    List<String> names = lines("index.txt");
    if (names.size() != GRAPHS) {
      throw new IllegalStateException(
          FOLDER + "index.txt lists " + names.size() + " graphs, expected " + GRAPHS);
    }
    return names.stream().map(TargetConformance::read).toList();
  }

  /**
   * What Retort does instead of what Alembic did, by scenario ({@code graph/sN}), as {@code
   * sound-outcomes.txt} lists it with the reason for each.
   */
  public static Map<String, SoundOutcome> soundOutcomes() {
    Map<String, SoundOutcome> outcomes = new LinkedHashMap<>();
    for (String line : lines("sound-outcomes.txt")) {
      if (line.startsWith("#")) continue;
      String[] fields = line.trim().split("\\s+", 3);
      if (fields.length < 3) throw new IllegalStateException("no reason given: " + line);
      SoundOutcome previous = outcomes.put(fields[0], SoundOutcome.parse(fields[1], fields[2]));
      if (previous != null) throw new IllegalStateException("listed twice: " + fields[0]);
    }
    return outcomes;
  }

  private static TargetGraph read(String fileName) {
    try (InputStream in = open(fileName)) {
      return JSON.readValue(in, TargetGraph.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String fileName) {
    try (InputStream in = open(fileName)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String fileName) {
    InputStream in = TargetConformance.class.getResourceAsStream(FOLDER + fileName);
    if (in == null)
      throw new IllegalStateException(FOLDER + fileName + " is not on the class path");
    return in;
  }
}
