package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class DuplicateLabelTest {

  @Test
  void secondRevisionDeclaringALabelIsAnErrorOnThatLabel() {
    JavaFileObject expand =
        source(
            "p.StartExpand",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "e1",
                revises = "base",
                branchLabels = "expand")
            public class StartExpand implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);
    JavaFileObject reusesLabelExpand =
        source(
            "p.StartContract",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "f1",
                revises = "base0",
                branchLabels = {
                    "contract",
                    "expand"})
            public class StartContract implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(revision("p.Base", "base0"), expand, reusesLabelExpand);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/DuplicateLabel] branch label 'expand' is declared by 'e1' and 'f1'; a label"
                + " names one branch: rename all but one")
        .inFile(reusesLabelExpand)
        .onLineContaining("\"expand\"})");
    // The typo in e1 is still reported: one build shows every problem.
    assertThat(compilation)
        .hadErrorContaining("revision 'e1' revises 'base', which no revision declares")
        .inFile(expand)
        .onLineContaining("revises = \"base\"");
  }
}
