package dev.retort.processor.generation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.processor.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Same input, same bytes: neither the output nor the diagnostics depend on javac's order. */
class DeterminismTest {

  @Test
  void sourcesInAnyOrderGiveAnIdenticalRegistry() throws IOException {
    List<JavaFileObject> sources = new ArrayList<>(GoldenGraph.sources());
    String first = registry(sources);

    Collections.reverse(sources);
    assertThat(registry(sources)).isEqualTo(first);
    Random random = new Random(42);
    for (int i = 0; i < 4; i++) {
      Collections.shuffle(sources, random);
      assertThat(registry(sources)).isEqualTo(first);
    }
  }

  @Test
  void diagnosticsComeInTheSameOrderWhateverTheSourceOrder() {
    List<JavaFileObject> sources =
        new ArrayList<>(
            List.of(
                Fixtures.revision("p.A", "a", "b"),
                Fixtures.revision("p.B", "b", "a"),
                Fixtures.revision("p.C", "c", "nope"),
                Fixtures.revision("p.D", "c"),
                Fixtures.revision("p.E", "head")));
    String first = errors(sources);

    Collections.reverse(sources);
    assertThat(errors(sources)).isEqualTo(first);
    Collections.shuffle(sources, new Random(7));
    assertThat(errors(sources)).isEqualTo(first);
    assertThat(first).contains("[Retort/Cycle]");
    assertThat(first).contains("[Retort/MissingRevision]");
    assertThat(first).contains("[Retort/DuplicateId]");
    assertThat(first).contains("[Retort/MalformedId]");
  }

  private static String registry(List<JavaFileObject> sources) throws IOException {
    Compilation compilation = Fixtures.javac().compile(sources);
    assertThat(compilation).succeeded();
    return compilation
        .generatedSourceFile("com.acme.db.RetortMigrations")
        .orElseThrow()
        .getCharContent(false)
        .toString();
  }

  private static String errors(List<JavaFileObject> sources) {
    Compilation compilation = Fixtures.javac().compile(sources);
    assertThat(compilation).failed();
    return compilation.errors().stream()
        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + " " + d.getMessage(null))
        .collect(Collectors.joining("\n"));
  }
}
