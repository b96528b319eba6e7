package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class NoConstructorTest {

  private static final String MESSAGE =
      " has no accessible no-argument constructor, which the generated registry calls; add one"
          + " (it may be package-private when the registry is in the same package)";

  @Test
  void revisionWhoseOnlyConstructorTakesArgumentsIsAnErrorOnTheClass() {
    JavaFileObject constructorNeedsArguments =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public class CreateUsers implements Migration {
              private final String table;

              public CreateUsers(String table) {
                this.table = table;
              }

              public void upgrade(MigrationContext ctx) throws Exception {
                ctx.execute("CREATE TABLE " + table + " (id INT)");
              }

              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(constructorNeedsArguments);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/NoConstructor] p.CreateUsers" + MESSAGE)
        .inFile(constructorNeedsArguments)
        .onLineContaining("public class CreateUsers");
  }

  @Test
  void privateNoArgumentConstructorIsAnError() {
    JavaFileObject privateConstructor =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public class CreateUsers implements Migration {
              private CreateUsers() {}

              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(privateConstructor);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/NoConstructor] p.CreateUsers" + MESSAGE)
        .inFile(privateConstructor)
        .onLineContaining("public class CreateUsers");
  }

  @Test
  void packagePrivateConstructorIsAnErrorWhenTheRegistryIsElsewhere() {
    JavaFileObject packagePrivateConstructor =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public class CreateUsers implements Migration {
              CreateUsers() {}

              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation =
        compile(List.of("-Aretort.registry=q.Migrations"), packagePrivateConstructor);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/NoConstructor] p.CreateUsers" + MESSAGE)
        .inFile(packagePrivateConstructor)
        .onLineContaining("public class CreateUsers");
  }
}
