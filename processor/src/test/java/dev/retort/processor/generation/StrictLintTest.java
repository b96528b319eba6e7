package dev.retort.processor.generation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.retort.processor.RevisionProcessor;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A build with every lint and {@code -Werror}, processing included, passes on a valid graph: the
 * processor claims Retort's annotations, so javac has no unclaimed annotation to warn about.
 */
class StrictLintTest {

  private static final List<String> STRICT = List.of("-Xlint:all", "-Werror");

  @Test
  void validGraphWithAnIrreversibleRevisionCompilesWithEveryLintAndWerror() {
    JavaFileObject irreversible =
        source(
            "p.DropLegacy",
            """
            package p;

            import dev.retort.*;

            @Irreversible("drops the legacy table")
            @Revision(id = "b2", revises = "a1")
            public class DropLegacy implements Migration {
              public void upgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(STRICT, revision("p.CreateUsers", "a1"), irreversible);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.RetortMigrations");
  }

  @Test
  void everyRetortAnnotationAndTheRegistrysGeneratedAreSupported() {
    assertThat(new RevisionProcessor().getSupportedAnnotationTypes())
        .containsExactly(
            "dev.retort.Revision",
            "dev.retort.Irreversible",
            "dev.retort.Accepted",
            "dev.retort.Accepted.List",
            "javax.annotation.processing.Generated");
  }
}
