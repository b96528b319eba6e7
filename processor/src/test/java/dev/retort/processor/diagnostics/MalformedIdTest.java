package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        Arguments.of("", "is empty"));
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
    String shown = id.replace("\\t", "\t");
    assertThat(compilation)
        .hadErrorContaining("[Retort/MalformedId] revision id '" + shown + "' " + reason)
        .inFile(malformedId)
        .onLineContaining("id = \"" + id + "\"");
  }
}
