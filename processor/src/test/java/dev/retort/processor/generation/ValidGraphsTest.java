package dev.retort.processor.generation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.labelled;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Graphs and class shapes the processor must accept, with no warning from the generated code. */
class ValidGraphsTest {

  /**
   * Lint everything, processing included, so that a warning in generated code or an unclaimed
   * annotation would show.
   */
  private static final List<String> LINT = List.of("-Xlint:all", "-Werror");

  @Test
  void linearChainCompiles() {
    Compilation compilation =
        compile(
            LINT,
            revision("p.CreateUsers", "a1"),
            revision("p.AddEmail", "b2", "a1"),
            revision("p.AddPhone", "c3", "b2"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.RetortMigrations");
  }

  @Test
  void mergeOfTwoBranchesCompiles() {
    Compilation compilation =
        compile(
            LINT,
            revision("p.CreateUsers", "a1"),
            revision("p.AddEmail", "b2", "a1"),
            revision("p.AddPhone", "c3", "a1"),
            revision("p.Merge", "d4", "b2", "c3"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.RetortMigrations");
  }

  @Test
  void labelledBranchesWithDependsOnAcrossThemCompile() {
    JavaFileObject contractDependsOnExpand =
        source(
            "p.DropOldColumn",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "k2", revises = "k1", dependsOn = "e2")
            public class DropOldColumn implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation =
        compile(
            LINT,
            revision("p.Base", "a1"),
            labelled("p.StartExpand", "e1", "a1", "expand"),
            revision("p.AddNewColumn", "e2", "e1"),
            labelled("p.StartContract", "k1", "a1", "contract"),
            contractDependsOnExpand);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.RetortMigrations");
  }

  @Test
  void irreversibleRevisionNeedsNoDowngrade() {
    JavaFileObject irreversible =
        source(
            "p.DropLegacy",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "b2", revises = "a1")
            @Irreversible("the legacy rows are deleted")
            public class DropLegacy implements Migration {
              public void upgrade(MigrationContext ctx) throws Exception {
                ctx.execute("DROP TABLE legacy");
              }
            }
            """);

    // The safety checks, off here, warn about the DROP TABLE (and have tests of their own).
    Compilation compilation =
        compile(
            List.of("-Xlint:all", "-Werror", "-Aretort.lint=off"),
            revision("p.CreateUsers", "a1"),
            irreversible);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.RetortMigrations");
  }

  @Test
  void packagePrivateClassesInTheRegistryPackageCompile() {
    JavaFileObject packagePrivate =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "a1")
            final class CreateUsers implements Migration {
              CreateUsers() {}

              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);
    JavaFileObject packagePrivateNested =
        source(
            "p.Schema",
            """
            package p;

            import dev.retort.*;

            final class Schema {
              private Schema() {}

              @Revision(id = "b2", revises = "a1")
              static final class AddEmail implements Migration {
                public void upgrade(MigrationContext ctx) {}
                public void downgrade(MigrationContext ctx) {}
              }
            }
            """);

    Compilation compilation = compile(LINT, packagePrivate, packagePrivateNested);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.RetortMigrations");
  }

  @Test
  void recordsAndGenericClassesCompile() {
    JavaFileObject record =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "a1")
            public record CreateUsers() implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);
    JavaFileObject generic =
        source(
            "p.AddEmail",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "b2", revises = "a1")
            public class AddEmail<T> implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(LINT, record, generic);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.RetortMigrations");
  }

  @Test
  void classNamesThatClashWithTheRegistrysOwnNamesCompile() {
    // Named explicitly: the default registry is never in the unnamed package (UnnamedRegistryTest).
    Compilation compilation =
        compile(
            List.of("-Xlint:all", "-Werror", "-Aretort.registry=RetortMigrations"),
            revision("Factory", "a1"),
            revision("Part0", "b2", "a1"),
            revision("Factory_", "c3", "b2"),
            revision("List", "d4", "c3"),
            revision("RevisionInfo", "e5", "d4"),
            revision("IllegalStateException", "f6", "e5"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("RetortMigrations");
  }

  @Test
  void registryNamedLikeANestedClassCompiles() {
    Compilation compilation =
        compile(List.of("-Aretort.registry=p.Factory"), revision("p.CreateUsers", "a1"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.Factory");
  }
}
