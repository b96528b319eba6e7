package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class NotAClassTest {

  private static final String MESSAGE =
      " is annotated @Revision but is not a concrete class; put @Revision on a non-abstract class"
          + " that implements Migration";

  @Test
  void abstractRevisionClassIsOneErrorOnTheClass() {
    JavaFileObject abstractRevision =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public abstract class CreateUsers implements Migration {
              public void upgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(abstractRevision);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/NotAClass] p.CreateUsers" + MESSAGE)
        .inFile(abstractRevision)
        .onLineContaining("public abstract class CreateUsers");
  }

  @Test
  void revisionInterfaceIsOneErrorOnTheInterface() {
    JavaFileObject interfaceRevision =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public interface CreateUsers extends Migration {}
            """);

    Compilation compilation = compile(interfaceRevision);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/NotAClass] p.CreateUsers" + MESSAGE)
        .inFile(interfaceRevision)
        .onLineContaining("public interface CreateUsers");
  }

  @Test
  void revisionEnumIsOneErrorOnTheEnum() {
    JavaFileObject enumRevision =
        source(
            "p.CreateUsers",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1")
            public enum CreateUsers implements Migration {
              INSTANCE;

              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(enumRevision);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/NotAClass] p.CreateUsers" + MESSAGE)
        .inFile(enumRevision)
        .onLineContaining("public enum CreateUsers");
  }
}
