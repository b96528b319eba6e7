package dev.retort.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A set of cases recorded from real Alembic, kept in this kit's resources under {@code
 * dev/retort/testkit/conformance/} with the set's README and the data's PROVENANCE. Resources in a
 * jar cannot be listed portably, so each set's folder holds {@code index.txt}, its case files one a
 * line (a test of the kit holds it against the folder).
 */
public enum ConformanceSet {
  /** 150 random graphs and their scenarios. */
  ALEMBIC_1_8_1("alembic-1.8.1", 150),
  /** The revision graphs of four public projects, run through Alembic the same way. */
  REAL_WORLD("real-world", 4);

  /** Where the sets are, as a resource path. */
  public static final String ROOT = "/dev/retort/testkit/conformance/";

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final String folder;
  private final int size;

  ConformanceSet(String folder, int size) {
    this.folder = folder;
    this.size = size;
  }

  /** The set's folder name, such as {@code alembic-1.8.1}. */
  public String folder() {
    return folder;
  }

  /**
   * The case files' names, sorted, as the index lists them. Fails when the index does not list as
   * many cases as the set was recorded with: a conformance suite that silently shrinks proves less.
   */
  public List<String> fileNames() {
    List<String> names;
    try (InputStream in = open("index.txt")) {
      names =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.isBlank())
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (names.size() != size) {
      throw new IllegalStateException(
          ROOT + folder + "/index.txt lists " + names.size() + " cases, expected " + size);
    }
    return names;
  }

  /** Reads one case file of this set. */
  public ConformanceCase read(String fileName) {
    try (InputStream in = open(fileName)) {
      return JSON.readValue(in, ConformanceCase.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every case of this set, read as the stream reaches it. */
  public Stream<ConformanceCase> cases() {
    return fileNames().stream().map(this::read);
  }

  /** A {@code classpath:} URI of one case file, for a dynamic test's source. */
  public URI uri(String fileName) {
    return URI.create("classpath:" + ROOT + folder + "/" + fileName);
  }

  /** Every case of every set. */
  public static Stream<ConformanceCase> all() {
    return Stream.of(values()).flatMap(ConformanceSet::cases);
  }

  private InputStream open(String fileName) {
    String resource = ROOT + folder + "/" + fileName;
    InputStream in = ConformanceSet.class.getResourceAsStream(resource);
    if (in == null) throw new IllegalStateException(resource + " is not on the class path");
    return in;
  }
}
