package dev.retort.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Option problems concern the whole compilation, so they are reported without a source file. */
class OptionTest {

  private static final JavaFileObject BASE = revision("p.CreateUsers", "a1");

  @Test
  void unknownMultipleHeadsValueIsAnError() {
    Compilation compilation = compile(List.of("-Aretort.multipleHeads=maybe"), BASE);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/Option] -Aretort.multipleHeads=maybe is not valid; expected 'error' or"
                + " 'warn'");
    assertReportedWithoutFile(compilation);
  }

  @ParameterizedTest(name = "-Aretort.registry={0}")
  @ValueSource(strings = {"1x.Migrations", "com.acme.class", "com..Migrations", "com.acme-db.M"})
  void registryNameThatIsNotAQualifiedClassNameIsAnError(String name) {
    Compilation compilation = compile(List.of("-Aretort.registry=" + name), BASE);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/Option] -Aretort.registry="
                + name
                + " is not valid; expected a qualified class name");
    assertReportedWithoutFile(compilation);
  }

  @Test
  void badOptionsDoNotHideTheGraphsOwnProblems() {
    JavaFileObject revisesUndeclaredId = revision("p.AddEmail", "b2", "nope");

    Compilation compilation =
        compile(
            List.of("-Aretort.multipleHeads=never", "-Aretort.registry=9"),
            BASE,
            revisesUndeclaredId);

    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("-Aretort.multipleHeads=never is not valid");
    assertThat(compilation).hadErrorContaining("-Aretort.registry=9 is not valid");
    assertThat(compilation)
        .hadErrorContaining("revision 'b2' revises 'nope'")
        .inFile(revisesUndeclaredId)
        .onLineContaining("@Revision");
  }

  private static void assertReportedWithoutFile(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getSource()).isNull();
    }
  }
}
