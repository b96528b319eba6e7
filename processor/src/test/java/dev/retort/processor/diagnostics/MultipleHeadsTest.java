package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.labelled;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class MultipleHeadsTest {

  private static final JavaFileObject BASE = revision("p.CreateUsers", "a1");
  private static final JavaFileObject FIRST_HEAD = revision("p.AddEmail", "b2", "a1");

  /** The second head on a1; its id sorts last, so it comes last in the graph's order. */
  private static final JavaFileObject SECOND_UNLABELLED_HEAD =
      source(
          "p.AddPhone",
          """
          package p;

          import dev.retort.*;

          @Revision(
              revises = "a1",
              id = "c3")
          public class AddPhone implements Migration {
            public void upgrade(MigrationContext ctx) {}
            public void downgrade(MigrationContext ctx) {}
          }
          """);

  @Test
  void twoUnlabelledHeadsFailByDefaultShowingTheMergeToWrite() {
    Compilation compilation = compile(BASE, FIRST_HEAD, SECOND_UNLABELLED_HEAD);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/MultipleHeads] the revision graph has 2 heads: 'b2', 'c3'; merge them with a"
                + " new revision: @Revision(id = \"...\", revises = {\"b2\", \"c3\"}), or give"
                + " each head its own branch label if the branches are meant to stay apart")
        .inFile(SECOND_UNLABELLED_HEAD)
        .onLineContaining("id = \"c3\"");
  }

  @Test
  void explicitErrorOptionBehavesAsTheDefault() {
    Compilation compilation =
        compile(List.of("-Aretort.multipleHeads=error"), BASE, FIRST_HEAD, SECOND_UNLABELLED_HEAD);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/MultipleHeads]")
        .inFile(SECOND_UNLABELLED_HEAD)
        .onLineContaining("id = \"c3\"");
  }

  @Test
  void warnOptionTurnsTheErrorIntoAWarningAndGeneratesTheRegistry() {
    Compilation compilation =
        compile(List.of("-Aretort.multipleHeads=warn"), BASE, FIRST_HEAD, SECOND_UNLABELLED_HEAD);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[Retort/MultipleHeads] the revision graph has 2 heads: 'b2', 'c3'")
        .inFile(SECOND_UNLABELLED_HEAD)
        .onLineContaining("id = \"c3\"");
    assertThat(compilation)
        .generatedSourceFile("p.RetortMigrations")
        .contentsAsUtf8String()
        .contains("\"c3\", \"a1\", \"\", \"\", \"\", \"tr\", \"\", \"p.AddPhone\"");
  }

  @Test
  void headsEachOnTheirOwnLabelledBranchCompileWithoutWarnings() {
    Compilation compilation =
        compile(
            BASE,
            labelled("p.StartExpand", "e1", "a1", "expand"),
            revision("p.AddColumn", "e2", "e1"),
            labelled("p.StartContract", "k1", "a1", "contract"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.RetortMigrations");
  }

  @Test
  void headsSharingTheirOnlyLabelAreStillUnintended() {
    JavaFileObject forkInsideExpand = revision("p.ForkExpand", "e3", "e1");

    Compilation compilation =
        compile(
            BASE,
            labelled("p.StartExpand", "e1", "a1", "expand"),
            revision("p.AddColumn", "e2", "e1"),
            forkInsideExpand,
            labelled("p.StartContract", "k1", "a1", "contract"));

    assertThat(compilation).hadErrorCount(1);
    // Reported on e3, last in the graph's order (a1, e1, e2, e3, k1) of the heads at fault.
    assertThat(compilation)
        .hadErrorContaining("the revision graph has 3 heads: 'e2', 'e3', 'k1'")
        .inFile(forkInsideExpand)
        .onLineContaining("id = \"e3\"");
  }

  @Test
  void oneLabelledAndOneUnlabelledHeadFail() {
    Compilation compilation =
        compile(BASE, labelled("p.StartExpand", "e1", "a1", "expand"), SECOND_UNLABELLED_HEAD);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("the revision graph has 2 heads: 'c3', 'e1'")
        .inFile(SECOND_UNLABELLED_HEAD)
        .onLineContaining("id = \"c3\"");
  }

  @Test
  void dependsOnDoesNotMergeHeads() {
    JavaFileObject dependsOnTheOtherHead =
        source(
            "p.AddPhone",
            """
            package p;

            import dev.retort.*;

            @Revision(
                revises = "a1",
                dependsOn = "b2",
                id = "c3")
            public class AddPhone implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(BASE, FIRST_HEAD, dependsOnTheOtherHead);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("2 heads: 'b2', 'c3'")
        .inFile(dependsOnTheOtherHead)
        .onLineContaining("id = \"c3\"");
  }
}
