package dev.retort.processor.compilers;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.processor.ByName;
import dev.retort.processor.Fixtures;
import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module compiled against an upstream module's output sees the upstream revisions through their
 * metadata, under javac and under the Eclipse compiler, and the graph rules hold across both.
 * (The two-module Maven build under {@code examples/} does the same with a real jar.)
 */
class CrossModuleTest {

  private static final String APP_REGISTRY = "-Aretort.registry=app.AppMigrations";

  @Test
  void headsAcrossModulesFollowTheRuleWithinOne(@TempDir Path dir) throws IOException {
    Path lib = library(dir);
    JavaFileObject app = Fixtures.revision("app.CreateOrders", "o1");

    Compilation compilation =
        Fixtures.javac()
            .withOptions(APP_REGISTRY)
            .withClasspath(List.of(Fixtures.api(), lib.toFile()))
            .compile(app);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/MultipleHeads] the revision graph has 2 heads: 'l2', 'o1'")
        .inFile(app)
        .onLineContaining("@Revision");
  }

  @Test
  void theEclipseCompilerSeesTheUpstreamRevisions(@TempDir Path dir) throws IOException {
    Path lib = library(dir);

    Ecj app =
        Ecj.compile(
            dir.resolve("app"),
            true,
            Optional.of(lib),
            List.of(APP_REGISTRY),
            List.of(Fixtures.revision("app.CreateOrders", "o1", "l3")));

    assertThat(app.shown(Diagnostic.Kind.ERROR))
        .containsExactly(
            "CreateOrders.java:7 [Retort/MissingRevision] revision 'o1' revises 'l3', which no"
                + " revision declares; did you mean 'l1' or 'l2' or 'o1'?");
  }

  /** The library {@code l1 <- l2}, registry {@code lib.LibMigrations}, compiled into a folder. */
  private static Path library(Path dir) throws IOException {
    List<Path> files =
        List.of(
            write(dir, Fixtures.revision("lib.CreateAudit", "l1")),
            write(dir, Fixtures.revision("lib.AddActor", "l2", "l1")));
    ByName lib =
        ByName.compile(
            new RevisionProcessor(),
            List.of("-Aretort.registry=lib.LibMigrations"),
            dir.resolve("none"),
            List.of(),
            files,
            dir.resolve("lib"));
    assertThat(lib.success()).isTrue();
    return lib.out();
  }

  private static Path write(Path dir, JavaFileObject source) throws IOException {
    Path file = dir.resolve("src").resolve(Ecj.relativePath(source));
    Files.createDirectories(file.getParent());
    Files.writeString(file, source.getCharContent(true));
    return file;
  }
}
