package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class CycleTest {

  /** {@code c -> b -> a -> c}, declared from its largest id, so the path must be rotated. */
  @Test
  void revisesCycleIsPrintedFromItsSmallestIdAndReportedOnItsFirstEdge() {
    JavaFileObject c =
        source(
            "p.C",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "c",
                revises = "b")
            public class C implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);
    JavaFileObject b = revision("p.B", "b", "a");
    JavaFileObject aRevisesItsDescendant =
        source(
            "p.A",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a",
                revises = "c")
            public class A implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(c, b, aRevisesItsDescendant);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/Cycle] revisions form a cycle: a -> c -> b -> a (each revises or depends on"
                + " the next); remove one of these edges")
        .inFile(aRevisesItsDescendant)
        .onLineContaining("revises = \"c\"");
  }

  @Test
  void dependsOnCycleIsReportedOnTheDependsOnValue() {
    JavaFileObject dependsOnItsOwnChild =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "k1",
                dependsOn = "k2")
            public class CreateUsers implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(dependsOnItsOwnChild, revision("p.AddEmail", "k2", "k1"));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/Cycle] revisions form a cycle: k1 -> k2 -> k1 ")
        .inFile(dependsOnItsOwnChild)
        .onLineContaining("dependsOn = \"k2\"");
  }

  @Test
  void revisionRevisingItselfIsACycleOfOne() {
    JavaFileObject revisesItself =
        source(
            "p.AddEmail",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "b2",
                revises = {
                    "a1",
                    "b2"})
            public class AddEmail implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(revision("p.CreateUsers", "a1"), revisesItself);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/Cycle] revisions form a cycle: b2 -> b2 ")
        .inFile(revisesItself)
        .onLineContaining("\"b2\"})");
  }

  @Test
  void revisionDependingOnItselfIsACycleOfOne() {
    JavaFileObject dependsOnItself =
        source(
            "p.AddEmail",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "b2",
                dependsOn = "b2")
            public class AddEmail implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(dependsOnItself);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/Cycle] revisions form a cycle: b2 -> b2 ")
        .inFile(dependsOnItself)
        .onLineContaining("dependsOn = \"b2\"");
  }

  @Test
  void eachSeparateCycleIsReported() {
    Compilation compilation =
        compile(
            revision("p.A", "a", "b"),
            revision("p.B", "b", "a"),
            revision("p.X", "x", "y"),
            revision("p.Y", "y", "x"));

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("cycle: a -> b -> a ");
    assertThat(compilation).hadErrorContaining("cycle: x -> y -> x ");
  }
}
