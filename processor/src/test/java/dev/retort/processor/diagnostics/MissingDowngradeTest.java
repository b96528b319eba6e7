package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class MissingDowngradeTest {

  @Test
  void revisionWithoutDowngradeIsAnErrorOnTheClass() {
    JavaFileObject noDowngrade =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public class CreateUsers implements Migration {
              public void upgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(noDowngrade);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/MissingDowngrade] revision 'a1' (p.CreateUsers) does not override"
                + " downgrade(MigrationContext); write the downgrade, or mark the class"
                + " @Irreversible(\"why it cannot be undone\")")
        .inFile(noDowngrade)
        .onLineContaining("public class CreateUsers");
  }

  @Test
  void downgradeOverloadWithAnotherParameterIsNotADowngrade() {
    JavaFileObject downgradeOverloadOnly =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public class CreateUsers implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(String reason) {}
            }
            """);

    Compilation compilation = compile(downgradeOverloadOnly);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/MissingDowngrade] revision 'a1'")
        .inFile(downgradeOverloadOnly)
        .onLineContaining("public class CreateUsers");
  }

  @Test
  void downgradeInheritedFromASuperclassCounts() {
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
    JavaFileObject inheritsDowngrade =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "a1")
            public class CreateUsers extends DropsTable {
              public void upgrade(MigrationContext ctx) {}
            }
            """);

    assertThat(compile(base, inheritsDowngrade)).succeededWithoutWarnings();
  }

  @Test
  void downgradeInheritedFromAnInterfaceDefaultCounts() {
    JavaFileObject base =
        source(
            "p.NoSchemaChange",
            """
            package p;

            import dev.retort.*;

            public interface NoSchemaChange extends Migration {
              @Override
              default void downgrade(MigrationContext ctx) {}
            }
            """);
    JavaFileObject inheritsDowngrade =
        source(
            "p.Touch",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "a1")
            public class Touch implements NoSchemaChange {
              public void upgrade(MigrationContext ctx) {}
            }
            """);

    assertThat(compile(base, inheritsDowngrade)).succeededWithoutWarnings();
  }
}
