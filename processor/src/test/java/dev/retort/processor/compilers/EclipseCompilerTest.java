package dev.retort.processor.compilers;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.retort.processor.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Eclipse compiler (ECJ) runs the processor as javac does: the same registry, byte for byte
 * with its checksums, and the same errors on the same lines.
 */
class EclipseCompilerTest {

  /** A small graph of every kind of revision: nested, irreversible, labelled, a record. */
  private static final List<JavaFileObject> GRAPH =
      List.of(
          source(
              "com.acme.db.CreateUsers",
              """
              package com.acme.db;

              import dev.retort.*;

              /** Users. */
              @Revision(id = "a1f3", description = "create users")
              public class CreateUsers implements Migration {
                @Override
                public void upgrade(MigrationContext ctx) throws Exception {
                  ctx.execute(\"""
                      CREATE TABLE users (
                        id INTEGER PRIMARY KEY -- "quoted" /* not a comment */
                      )\""");
                }

                @Override
                public void downgrade(MigrationContext ctx) throws Exception {
                  ctx.execute("DROP TABLE users"); // gone
                }
              }
              """),
          source(
              "com.acme.db.Cleanup",
              """
              package com.acme.db;

              import dev.retort.*;

              public final class Cleanup {
                private Cleanup() {}

                @Irreversible("drops the legacy table")
                @Revision(id = "d4e6", revises = {"a1f3"}, branchLabels = "main")
                public static final class Merge implements Migration {
                  @Override
                  public void upgrade(MigrationContext ctx) throws Exception {
                    ctx.execute("DROP TABLE legacy");
                  }
                }
              }
              """),
          source(
              "com.acme.db.AddTeams",
              """
              package com.acme.db;

              import dev.retort.*;

              @Revision(id = "e5f7", revises = "a1f3", branchLabels = "teams")
              public record AddTeams() implements Migration {
                public void upgrade(MigrationContext ctx) throws Exception {
                  ctx.execute("CREATE TABLE teams (id INTEGER)");
                }

                public void downgrade(MigrationContext ctx) throws Exception {
                  ctx.execute("DROP TABLE teams");
                }
              }
              """));

  @Test
  void validGraphGivesTheSameRegistryAsJavacChecksumsIncluded(@TempDir Path dir)
      throws IOException {
    // The graph drops a table on purpose: the safety checks (javac only) are off.
    Compilation javac =
        Fixtures.compile(List.of("-Aretort.lint=off"), GRAPH.toArray(new JavaFileObject[0]));
    assertThat(javac).succeededWithoutWarnings();
    String javacs =
        javac
            .generatedSourceFile("com.acme.db.RetortMigrations")
            .orElseThrow()
            .getCharContent(false)
            .toString();

    Ecj ecj = Ecj.compile(dir, true, List.of(), GRAPH);

    assertThat(ecj.diagnostics()).isEmpty();
    assertThat(ecj.success()).isTrue();
    assertThat(ecj.generated("com.acme.db.RetortMigrations")).hasValue(javacs);
    assertThat(javacs).containsMatch("\"com.acme.db.Cleanup\\$Merge\", \"v2:[0-9a-f]{61}\"");
  }

  @Test
  void brokenGraphGivesTheSameErrorsOnTheSameLinesAsJavac(@TempDir Path dir) {
    List<JavaFileObject> broken =
        List.of(
            source(
                "p.AddEmail",
                """
                package p;

                import dev.retort.*;

                @Revision(
                    id = "b2",
                    revises = "a2")
                public class AddEmail implements Migration {
                  public void upgrade(MigrationContext ctx) {}
                }
                """),
            revision("p.CreateUsers", "a1", "c3"),
            revision("p.AddPhone", "c3", "a1"),
            revision("p.Reserved", "head"));
    Compilation javac = Fixtures.compile(broken.toArray(new JavaFileObject[0]));
    List<String> javacs = javac.errors().stream().map(Ecj::shown).toList();

    Ecj ecj = Ecj.compile(dir, true, List.of(), broken);

    assertThat(javacs).hasSize(4);
    assertThat(ecj.success()).isFalse();
    assertThat(ecj.shown(Diagnostic.Kind.ERROR)).containsExactlyElementsIn(javacs).inOrder();
  }

  @Test
  void withoutASourcePathOnJava17TheChecksumsAreEmptyAndEachRevisionSaysSo(@TempDir Path dir) {
    Ecj ecj = Ecj.compile(dir, false, List.of(), GRAPH.subList(0, 1));

    assertThat(ecj.success()).isTrue();
    assertThat(ecj.shown(Diagnostic.Kind.WARNING))
        .containsExactly(
            "CreateUsers.java:7 [Retort/NoChecksum] the source of revision 'a1f3'"
                + " (com.acme.db.CreateUsers) cannot be read in this build, so the registry holds"
                + " no checksum for it and drift detection is off for it: a change to the class"
                + " after it is applied will go unnoticed; compile it from source, or put its"
                + " source folder on the compiler's -sourcepath");
  }
}
