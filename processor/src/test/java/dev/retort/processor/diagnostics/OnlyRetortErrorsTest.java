package dev.retort.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.processor.GeneratedClasses;
import dev.retort.testkit.Compiled;
import dev.retort.testkit.RegistryCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken graph still gets its registry, one whose methods throw, so that the application's call
 * to {@code registry()} compiles and the build shows Retort's errors and nothing else.
 */
class OnlyRetortErrorsTest {

  private static final JavaFileObject APP =
      source(
          "app.App",
          """
          package app;

          import dev.retort.MigrationRegistry;
          import p.Migrations;

          public class App {
            static MigrationRegistry registry() {
              return Migrations.registry();
            }
          }
          """);

  @Test
  void brokenGraphWithAnApplicationCallingTheRegistryShowsOnlyRetortsErrors() {
    JavaFileObject revisesUndeclaredId = revision("p.AddEmail", "b2", "a2");
    JavaFileObject duplicateId = revision("p.RedoUsers", "a1");

    Compilation compilation =
        compile(
            List.of("-Aretort.registry=p.Migrations"),
            revision("p.CreateUsers", "a1"),
            revisesUndeclaredId,
            duplicateId,
            APP);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[Retort/MissingRevision] revision 'b2' revises 'a2'")
        .inFile(revisesUndeclaredId)
        .onLineContaining("@Revision");
    assertThat(compilation)
        .hadErrorContaining("[Retort/DuplicateId] revision id 'a1' is declared 2 times")
        .inFile(duplicateId)
        .onLineContaining("@Revision");
  }

  @Test
  void classProblemsDoNotReachTheRegistryEither() {
    JavaFileObject noConstructor =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "a1")
            public class CreateUsers implements Migration {
              private CreateUsers() {}
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);
    JavaFileObject app =
        source(
            "app.Main",
            """
            package app;

            import p.RetortMigrations;

            public class Main {
              Object registry = RetortMigrations.registry();
            }
            """);

    Compilation compilation = compile(noConstructor, app);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/NoConstructor] p.CreateUsers")
        .inFile(noConstructor)
        .onLineContaining("public class CreateUsers");
  }

  @Test
  void theRegistryOfABrokenGraphThrowsNamingTheProblems(@TempDir Path dir) throws IOException {
    Compiled broken;
    try (RegistryCompiler javac = new RegistryCompiler()) {
      broken =
          javac.run(
              dir.resolve("broken"),
              List.of("-Aretort.registry=p.Migrations"),
              List.of(revision("p.CreateUsers", "a1"), revision("p.AddEmail", "b2", "a2")));
    }
    assertThat(broken.success()).isFalse();
    String registry = Files.readString(dir.resolve("broken/p/Migrations.java"));

    // Compiled on its own, as an IDE that runs code with errors would.
    Compilation alone = compile(JavaFileObjects.forSourceString("p.Migrations", registry));
    assertThat(alone).succeededWithoutWarnings();
    AssertionError call =
        assertThrows(
            AssertionError.class, () -> new GeneratedClasses(alone).registry("p.Migrations"));

    Throwable thrown = call.getCause().getCause();
    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(thrown)
        .hasMessageThat()
        .isEqualTo(
            "the revisions of this compilation have 1 error(s), so this registry holds none; fix"
                + " the build's [Retort/...] errors: [Retort/MissingRevision] revision 'b2' revises"
                + " 'a2', which no revision declares; did you mean 'a1' or 'b2'?");
  }
}
