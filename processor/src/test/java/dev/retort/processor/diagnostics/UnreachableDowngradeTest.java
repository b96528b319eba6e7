package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class UnreachableDowngradeTest {

  @Test
  void irreversibleRevisionThatWritesADowngradeIsAWarningOnTheClass() {
    JavaFileObject irreversibleWithDowngrade =
        source(
            "p.DropLegacy",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "a1")
            @Irreversible("the legacy rows are deleted")
            public class DropLegacy implements Migration {
              public void upgrade(MigrationContext ctx) {}

              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(irreversibleWithDowngrade);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[Retort/UnreachableDowngrade] revision 'a1' (p.DropLegacy) is @Irreversible but"
                + " writes downgrade(MigrationContext), which will never run: a downgrade through"
                + " an irreversible revision is refused; remove the method, or remove"
                + " @Irreversible if the revision can be undone")
        .inFile(irreversibleWithDowngrade)
        .onLineContaining("public class DropLegacy");
  }

  @Test
  void withWerrorTheWarningFailsTheBuild() {
    JavaFileObject irreversibleWithDowngrade =
        source(
            "p.DropLegacy",
            """
            package p;

            import dev.retort.*;

            @Irreversible("the legacy rows are deleted")
            @Revision(id = "a1")
            public class DropLegacy implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) throws Exception {
                ctx.execute("CREATE TABLE legacy (id INTEGER)");
              }
            }
            """);

    Compilation compilation = compile(List.of("-Werror"), irreversibleWithDowngrade);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadWarningContaining("[Retort/UnreachableDowngrade] revision 'a1'")
        .inFile(irreversibleWithDowngrade)
        .onLineContaining("public class DropLegacy");
  }

  @Test
  void downgradeInheritedFromASharedBaseIsNotWarnedAbout() {
    JavaFileObject base =
        source(
            "p.DropsTable",
            """
            package p;

            import dev.retort.*;

            public abstract class DropsTable implements Migration {
              public void downgrade(MigrationContext ctx) throws Exception {
                ctx.execute("DROP TABLE t");
              }
            }
            """);
    JavaFileObject irreversibleSubclass =
        source(
            "p.DropLegacy",
            """
            package p;

            import dev.retort.*;

            @Irreversible("the legacy rows are deleted")
            @Revision(id = "a1")
            public class DropLegacy extends DropsTable {
              public void upgrade(MigrationContext ctx) {}
            }
            """);

    assertThat(compile(base, irreversibleSubclass)).succeededWithoutWarnings();
  }
}
