package dev.retort.processor.lint;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.processor.Fixtures;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What the safety checks say about the sample's migrations, compiled as they are in sample/: no
 * finding, false or true (its indexes on tables with rows are built concurrently, outside a
 * transaction).
 */
class SampleLintTest {

  private static final Path SAMPLE = Path.of("../sample/src/main/java/dev/retort/sample/db");

  @Test
  void theSampleMigrationsGiveNoFinding() throws IOException {
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(SAMPLE)) {
      for (Path file : files.sorted().toList()) sources.add(source(file));
    }
    assertThat(sources).isNotEmpty();

    Compilation compilation = Fixtures.compile(sources.toArray(new JavaFileObject[0]));

    List<String> findings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() != Diagnostic.Kind.NOTE) {
        findings.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
      }
    }
    assertThat(findings).isEmpty();
  }

  private static JavaFileObject source(Path file) throws MalformedURLException {
    return JavaFileObjects.forResource(file.toUri().toURL());
  }
}
