package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class MissingRevisionTest {

  private static final JavaFileObject A1F3 = revision("p.CreateUsers", "a1f3");
  private static final JavaFileObject C9D0 = revision("p.CreateOrders", "c9d0", "a1f3");

  @Test
  void revisingAnUndeclaredIdIsAnErrorOnThatIdSuggestingTheNearestOne() {
    JavaFileObject revisesMistypedId =
        source(
            "p.MergeUsersAndOrders",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "e5f6",
                revises = {
                    "c9d0",
                    "a1f4"})
            public class MergeUsersAndOrders implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(A1F3, C9D0, revisesMistypedId);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/MissingRevision] revision 'e5f6' revises 'a1f4', which no revision declares;"
                + " did you mean 'a1f3'?")
        .inFile(revisesMistypedId)
        .onLineContaining("\"a1f4\"");
  }

  @Test
  void dependingOnAnUndeclaredIdIsAnErrorOnThatIdSuggestingTheNearestOne() {
    JavaFileObject dependsOnMistypedId =
        source(
            "p.AddOrderOwner",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "e5f6",
                revises = "c9d0",
                dependsOn = {
                    "a1f3",
                    "c9d1"})
            public class AddOrderOwner implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(A1F3, C9D0, dependsOnMistypedId);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/MissingRevision] revision 'e5f6' depends on 'c9d1', which no revision"
                + " declares; did you mean 'c9d0'?")
        .inFile(dependsOnMistypedId)
        .onLineContaining("\"c9d1\"");
  }

  @Test
  void severalNearIdsAreSuggestedNearestFirst() {
    JavaFileObject revisesAmbiguousTypo =
        source(
            "p.AddEmail",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "f0",
                revises = "c9d")
            public class AddEmail implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation =
        compile(A1F3, C9D0, revision("p.CreateTeams", "c9x0", "c9d0"), revisesAmbiguousTypo);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("revises 'c9d', which no revision declares; did you mean 'c9d0' or")
        .inFile(revisesAmbiguousTypo)
        .onLineContaining("revises = \"c9d\"");
    assertThat(compilation).hadErrorContaining("did you mean 'c9d0' or 'c9x0'?");
  }

  @Test
  void anIdUnlikeAnyDeclaredOneSaysToDeclareOrRemoveIt() {
    JavaFileObject revisesUnrelatedId =
        source(
            "p.AddEmail",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "b2c4d6",
                revises = "zz")
            public class AddEmail implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(revision("p.Base", "a1f3c9"), revisesUnrelatedId);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/MissingRevision] revision 'b2c4d6' revises 'zz', which no revision declares;"
                + " declare a revision with that id or remove it from revises")
        .inFile(revisesUnrelatedId)
        .onLineContaining("revises = \"zz\"");
  }

  @Test
  void everyMissingIdOfOneRevisionIsReported() {
    JavaFileObject revisesTwoUndeclaredIds =
        source(
            "p.Merge",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "m1",
                revises = {
                    "nope1",
                    "nope2"})
            public class Merge implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(revisesTwoUndeclaredIds);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("revises 'nope1'")
        .inFile(revisesTwoUndeclaredIds)
        .onLineContaining("\"nope1\"");
    assertThat(compilation)
        .hadErrorContaining("revises 'nope2'")
        .inFile(revisesTwoUndeclaredIds)
        .onLineContaining("\"nope2\"");
  }
}
