package dev.retort.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.graph.GraphProblem;
import dev.retort.graph.GraphProblem.EdgeKind;
import dev.retort.graph.Messages;
import dev.retort.processor.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The diagnostic catalogue is the one list of keys: the README's table says what it says, and every
 * problem the graph module reports has its entry.
 */
class CatalogueTest {

  private static final Path README = Path.of("../README.md");
  private static final String SECTION = "## What the compiler catches";

  /** A row of the README's table: {@code | `Key` | kind ... | ... |}. */
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\| ([a-z]+)\\b");

  @Test
  void readmeListsEveryKeyOfTheCatalogueWithItsKindAndNoOther() throws IOException {
    Map<String, String> readme = readmeKeys();
    Map<String, String> catalogue = new HashMap<>();
    for (Message m : Message.values()) {
      String kind = m.kind().name().toLowerCase(Locale.ROOT);
      String before = catalogue.put(m.key(), kind);
      assertWithMessage("entries sharing key %s", m.key()).that(before).isAnyOf(null, kind);
    }

    assertThat(readme).containsExactlyEntriesIn(catalogue);
  }

  @Test
  void theReadmeTableIsFound() throws IOException {
    // Guards the test above against a parser that reads nothing and a catalogue that is empty.
    assertThat(readmeKeys()).containsAtLeast("Cycle", "error", "Internal", "error");
  }

  @Test
  void everyProblemTheGraphReportsHasAnEntryWithItsKey() {
    List<GraphProblem> oneOfEach =
        List.of(
            new GraphProblem.DuplicateId(1, "a", List.of("p.A", "p.B")),
            new GraphProblem.MalformedId(0, "head", "is reserved"),
            new GraphProblem.MissingRevision(0, "b", EdgeKind.REVISES, "a", List.of()),
            new GraphProblem.Cycle(0, "a", List.of("a", "b", "a"), EdgeKind.DEPENDS_ON),
            new GraphProblem.MalformedLabel(0, "a", "x y", "contains whitespace"),
            new GraphProblem.DuplicateLabel(1, "b", "l", List.of("a", "b")));
    Set<Class<?>> covered = oneOfEach.stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(covered).containsExactlyElementsIn(GraphProblem.class.getPermittedSubclasses());

    for (GraphProblem problem : oneOfEach) {
      Message entry = Message.of(problem);
      assertThat(entry.fromGraph()).isTrue();
      assertThat(problem.message()).startsWith("[Retort/" + entry.key() + "] ");
    }
    assertThat(Messages.multipleHeads(List.of("a", "b")))
        .startsWith("[Retort/" + Message.MULTIPLE_HEADS.key() + "] ");
  }

  @Test
  void everyTextStartsWithItsKey() {
    for (Message m : Message.values()) {
      if (m.fromGraph()) {
        assertThrows(IllegalStateException.class, m::format);
      } else {
        assertThat(m.format("x", "y", "z")).startsWith("[Retort/" + m.key() + "] ");
      }
    }
  }

  private static Map<String, String> readmeKeys() throws IOException {
    String text = Files.readString(README, StandardCharsets.UTF_8);
    int start = text.indexOf(SECTION);
    assertWithMessage("README section %s", SECTION).that(start).isAtLeast(0);
    int end = text.indexOf("\n## ", start + SECTION.length());
    String section = text.substring(start, end < 0 ? text.length() : end);
    Map<String, String> keys = new HashMap<>();
    for (String line : Arrays.asList(section.split("\n"))) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        assertWithMessage("README lists %s twice", row.group(1))
            .that(keys.put(row.group(1), row.group(2)))
            .isNull();
      }
    }
    return keys;
  }
}
