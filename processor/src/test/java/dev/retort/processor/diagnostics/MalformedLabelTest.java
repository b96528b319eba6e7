package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class MalformedLabelTest {

  @Test
  void aLabelThatCannotBeWrittenAsATargetIsAnErrorOnThatLabel() {
    JavaFileObject labelWithAt =
        source(
            "p.Start",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "s1",
                revises = "base0",
                branchLabels = {
                    "ok",
                    "bad@label"})
            public class Start implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(revision("p.Base", "base0"), labelWithAt);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/MalformedLabel] branch label 'bad@label' of revision 's1' contains '@', which"
                + " has a meaning in targets; rename the label")
        .inFile(labelWithAt)
        .onLineContaining("\"bad@label\"})");
  }

  @Test
  void aLabelEqualToARevisionIdIsAnError() {
    JavaFileObject labelledLikeARevision =
        source(
            "p.Start",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "s1",
                revises = "base0",
                branchLabels = "base0")
            public class Start implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(revision("p.Base", "base0"), labelledLikeARevision);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/MalformedLabel] branch label 'base0' of revision 's1' is also a revision id,"
                + " so a target could mean either")
        .inFile(labelledLikeARevision)
        .onLineContaining("branchLabels = \"base0\"");
  }
}
