package dev.retort.examples.app;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.Migration;
import dev.retort.examples.library.db.LibraryMigrations;
import dev.retort.processor.RevisionProcessor;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compiles a revision of the application against the library as this module's build has it (its
 * jar, or its classes when only the tests run): the processor checks the combined graph.
 */
class CrossModuleCompileTest {

  @Test
  void aTypoInADependencyOnTheLibraryIsAnErrorOnTheValue() throws URISyntaxException {
    JavaFileObject typo =
        JavaFileObjects.forSourceString(
            "dev.retort.examples.app.db.Typo",
            """
            package dev.retort.examples.app.db;

            import dev.retort.*;

            @Revision(
                id = "app9c0d",
                dependsOn = "lib3c4e")
            public final class Typo implements Migration {
              public void upgrade(MigrationContext ctx) {}

              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(typo);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/MissingRevision] revision 'app9c0d' depends on 'lib3c4e', which no revision"
                + " declares; did you mean 'lib3c4d'?")
        .inFile(typo)
        .onLineContaining("dependsOn = \"lib3c4e\"");
  }

  @Test
  void anIdTheLibraryDeclaresIsADuplicateNamingBothClasses() throws URISyntaxException {
    JavaFileObject typo =
        JavaFileObjects.forSourceString(
            "dev.retort.examples.app.db.Typo",
            """
            package dev.retort.examples.app.db;

            import dev.retort.*;

            @Revision(id = "lib1a2b", dependsOn = "lib3c4d")
            public final class Typo implements Migration {
              public void upgrade(MigrationContext ctx) {}

              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(typo);

    assertThat(compilation)
        .hadErrorContaining("dev.retort.examples.library.db.CreateAuditLog")
        .inFile(typo)
        .onLineContaining("id = \"lib1a2b\"");
    assertThat(compilation)
        .hadErrorContaining("dev.retort.examples.app.db.Typo")
        .inFile(typo)
        .onLineContaining("id = \"lib1a2b\"");
  }

  private static Compilation compile(JavaFileObject source) throws URISyntaxException {
    return Compiler.javac()
        .withProcessors(new RevisionProcessor())
        .withOptions("-Aretort.registry=dev.retort.examples.app.db.AppMigrations")
        .withClasspath(List.of(locationOf(Migration.class), locationOf(LibraryMigrations.class)))
        .compile(source);
  }

  private static File locationOf(Class<?> type) throws URISyntaxException {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
