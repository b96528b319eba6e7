package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class DuplicateIdTest {

  private static final JavaFileObject CREATE_USERS =
      source(
          "p.CreateUsers",
          """
          package p;

          import dev.retort.*;

          @Revision(
              id = "a1f3")
          public class CreateUsers implements Migration {
            public void upgrade(MigrationContext ctx) {}
            public void downgrade(MigrationContext ctx) {}
          }
          """);

  private static final JavaFileObject REUSES_ID_OF_CREATE_USERS =
      source(
          "p.CreateOrders",
          """
          package p;

          import dev.retort.*;

          @Revision(
              id = "a1f3")
          public class CreateOrders implements Migration {
            public void upgrade(MigrationContext ctx) {}
            public void downgrade(MigrationContext ctx) {}
          }
          """);

  @Test
  void secondClassWithAnIdIsAnErrorOnItsIdNamingBothClasses() {
    Compilation compilation = compile(CREATE_USERS, REUSES_ID_OF_CREATE_USERS);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // Classes are ordered by name, so p.CreateOrders is the first and p.CreateUsers the repeat.
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/DuplicateId] revision id 'a1f3' is declared 2 times"
                + " (by p.CreateOrders, p.CreateUsers)")
        .inFile(CREATE_USERS)
        .onLineContaining("id = \"a1f3\"");
  }

  @Test
  void everyRepeatOfAnIdIsReported() {
    JavaFileObject thirdUse =
        source(
            "p.CreateTeams",
            """
            package p;

            import dev.retort.*;

            @Revision(
                id = "a1f3")
            public class CreateTeams implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(CREATE_USERS, REUSES_ID_OF_CREATE_USERS, thirdUse);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("declared 3 times (by p.CreateOrders, p.CreateTeams, p.CreateUsers)")
        .inFile(thirdUse)
        .onLineContaining("id = \"a1f3\"");
    assertThat(compilation)
        .hadErrorContaining("declared 3 times")
        .inFile(CREATE_USERS)
        .onLineContaining("id = \"a1f3\"");
  }
}
