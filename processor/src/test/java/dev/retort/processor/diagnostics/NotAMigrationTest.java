package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class NotAMigrationTest {

  @Test
  void revisionClassNotImplementingMigrationIsOneErrorOnTheClass() {
    JavaFileObject doesNotImplementMigration =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public class CreateUsers {
              public void upgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(doesNotImplementMigration);

    // Only this error: a missing downgrade means nothing on a class that is not a Migration.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/NotAMigration] p.CreateUsers is annotated @Revision but does not implement"
                + " dev.retort.Migration; add 'implements Migration' with upgrade and downgrade"
                + " methods")
        .inFile(doesNotImplementMigration)
        .onLineContaining("public class CreateUsers");
  }
}
