package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedIdTest {

  static Stream<Arguments> idsBreakingTheIdRules() {
    return Stream.of(
        Arguments.of("head", "is reserved: 'head', 'heads' and 'base' are target names"),
        Arguments.of("heads", "is reserved"),
        Arguments.of("base", "is reserved"),
        Arguments.of("a1@f3", "contains '@', which has a meaning in targets"),
        Arguments.of("a1+2", "contains '+'"),
        Arguments.of("a1:f3", "contains ':'"),
        Arguments.of("-a1f3", "starts with '-', which reads as a relative target"),
        Arguments.of("a1 f3", "contains whitespace"),
        Arguments.of("a1\\tf3", "contains whitespace"),
        Arguments.of("a1\\u00a0f3", "contains whitespace"),
        Arguments.of("", "is empty"),
        Arguments.of(
            "a".repeat(33),
            "has 33 characters, more than the 32 a version table holds (Alembic's version_num is"
                + " VARCHAR(32)); use at most 32 letters"),
        Arguments.of("5f1c0e7d9b3a4c2e8f6d1a0b9c7e5d3f41", "has 34 characters, more than the 32"),
        Arguments.of(
            "a1\\u0000f3", "contains the unprintable character U+0000, which no one can type"),
        Arguments.of("a1\\u200bf3", "contains the unprintable character U+200B"),
        Arguments.of("a1\\u007ff3", "contains the unprintable character U+007F"));
  }

  @ParameterizedTest(name = "id \"{0}\" is well formed")
  @ValueSource(strings = {"5f1c0e7d9b3a4c2e8f6d1a0b9c7e5d3f", "ca\\u00f1on_2024", "v1.2-expand"})
  void idsOfAtMost32PrintableCharactersCompile(String id) {
    assertThat(compile(revision("p.AddEmail", id))).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "id \"{0}\" {1}")
  @MethodSource("idsBreakingTheIdRules")
  void malformedIdIsAnErrorOnTheIdValue(String id, String reason) {
    JavaFileObject malformedId =
        source(
            "p.AddEmail",
            """
            package p;

            import dev.retort.*;

            @Revision(
                description = "add users.email",
                id = "%s")
            public class AddEmail implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """
                .formatted(id));

    Compilation compilation = compile(malformedId);

    assertThat(compilation).hadErrorCount(1);
    // Unprintable characters are shown escaped, as the fixture writes them.
    String shown = id.replace("\\t", "\\u0009");
    assertThat(compilation)
        .hadErrorContaining("[Retort/MalformedId] revision id '" + shown + "' " + reason)
        .inFile(malformedId)
        .onLineContaining("id = \"" + id + "\"");
  }
}
