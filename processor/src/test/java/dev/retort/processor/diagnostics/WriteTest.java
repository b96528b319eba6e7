package dev.retort.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteTest {

  @Test
  void registryNamedLikeAnExistingClassIsOneErrorNamingTheOption() {
    Compilation compilation =
        compile(
            List.of("-Aretort.registry=p.AddEmail"),
            revision("p.CreateUsers", "a1"),
            revision("p.AddEmail", "b2", "a1"));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/Write] could not write the registry p.AddEmail: Attempt to recreate a file"
                + " for type p.AddEmail; if a class of that name already exists, name the registry"
                + " with -Aretort.registry=...");
    assertThat(compilation.errors().get(0).getSource()).isNull();
  }
}
