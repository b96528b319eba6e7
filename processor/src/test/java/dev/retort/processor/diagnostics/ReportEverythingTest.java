package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One build shows every problem: class rules and graph rules do not stop at the first error. */
class ReportEverythingTest {

  @Test
  void classAndGraphProblemsOfSeveralRevisionsAreAllReported() {
    JavaFileObject notAMigration =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public class CreateUsers {
            }
            """);
    JavaFileObject noDowngradeAndMissingParent =
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
            """);
    JavaFileObject reservedId = revision("p.AddPhone", "head", "a1");

    Compilation compilation = compile(notAMigration, noDowngradeAndMissingParent, reservedId);

    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining("[Retort/NotAMigration] p.CreateUsers")
        .inFile(notAMigration)
        .onLineContaining("public class CreateUsers");
    assertThat(compilation)
        .hadErrorContaining("[Retort/MissingDowngrade] revision 'b2'")
        .inFile(noDowngradeAndMissingParent)
        .onLineContaining("public class AddEmail");
    assertThat(compilation)
        .hadErrorContaining("[Retort/MissingRevision] revision 'b2' revises 'a2'")
        .inFile(noDowngradeAndMissingParent)
        .onLineContaining("revises = \"a2\"");
    assertThat(compilation)
        .hadErrorContaining("[Retort/MalformedId] revision id 'head' is reserved")
        .inFile(reservedId)
        .onLineContaining("@Revision");
  }
}
