package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IrreversibleReasonTest {

  @ParameterizedTest(name = "@Irreversible(\"{0}\")")
  @ValueSource(strings = {"", " ", "\\t  "})
  void blankReasonIsAnErrorOnTheReason(String reason) {
    JavaFileObject irreversibleWithoutReason =
        source(
            "p.DropLegacy",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "a1")
            @Irreversible(
                "%s")
            public class DropLegacy implements Migration {
              public void upgrade(MigrationContext ctx) {}
            }
            """
                .formatted(reason));

    Compilation compilation = compile(irreversibleWithoutReason);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/IrreversibleReason] @Irreversible on p.DropLegacy gives no reason; say why"
                + " the revision cannot be undone, it is shown when a downgrade is refused")
        .inFile(irreversibleWithoutReason)
        .onLineContaining("\"" + reason + "\")");
  }
}
