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

/**
 * An option meant for Retort but misspelled, such as {@code -Aretort.regisrty}, is a Retort warning
 * naming the nearest option, not only javac's list of options no processor recognized.
 */
class UnknownOptionTest {

  private static final JavaFileObject BASE = revision("p.CreateUsers", "a1");

  @Test
  void misspelledRegistryOptionNamesTheNearestOption() {
    Compilation compilation = compile(List.of("-Aretort.regisrty=p.Migrations"), BASE);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadErrorCount(0);
    // Retort's warning alone: the option is claimed, so javac does not list it again.
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[Retort/UnknownOption] -Aretort.regisrty is not an option of Retort, so it is"
                + " ignored; did you mean -Aretort.registry? Retort's options are"
                + " -Aretort.registry=CLASS, -Aretort.multipleHeads=error|warn and"
                + " -Aretort.lint=error|warn|off");
    for (Diagnostic<? extends JavaFileObject> warning : compilation.warnings()) {
      assertThat(warning.getSource()).isNull();
    }
  }

  @Test
  void anOptionInRetortsNamespaceWithNothingNearIsNamedToo() {
    Compilation compilation = compile(List.of("-Aretort.checksums=off"), BASE);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[Retort/UnknownOption] -Aretort.checksums is not an option of Retort, so it is"
                + " ignored; Retort's options are");
  }

  @Test
  void anotherProcessorsOptionIsNotRetortsConcern() {
    Compilation compilation = compile(List.of("-Adagger.fastInit=enabled"), BASE);

    assertThat(compilation).succeeded();
    for (Diagnostic<? extends JavaFileObject> warning : compilation.warnings()) {
      assertThat(warning.getMessage(null)).doesNotContain("[Retort/");
    }
  }
}
