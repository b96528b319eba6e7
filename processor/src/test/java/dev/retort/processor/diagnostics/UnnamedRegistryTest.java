package dev.retort.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The default registry never goes into the unnamed package, where nothing in a package sees it. */
class UnnamedRegistryTest {

  @Test
  void revisionsSharingNoPackageWithoutARegistryOptionAreAnError() {
    JavaFileObject createUsers = revision("org.one.CreateUsers", "a1");
    JavaFileObject addEmail = revision("com.two.AddEmail", "b2", "a1");

    Compilation compilation = compile(addEmail, createUsers);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/UnnamedRegistry] the revision classes share no package ('com.two',"
                + " 'org.one'), so the default registry RetortMigrations would be in the unnamed"
                + " package, which no class in a package can use; name the registry with"
                + " -Aretort.registry=com.example.db.Migrations, or put the revisions in a package")
        .inFile(createUsers)
        .onLineContaining("public class CreateUsers");
  }

  @Test
  void revisionsAllInTheUnnamedPackageAreAnErrorToo() {
    JavaFileObject createUsers = revision("CreateUsers", "a1");

    Compilation compilation = compile(createUsers);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/UnnamedRegistry] the revision classes are all in the unnamed package, so the"
                + " default registry RetortMigrations would be in the unnamed package")
        .inFile(createUsers)
        .onLineContaining("public class CreateUsers");
  }

  @Test
  void aRegistryOptionMakesTheSameRevisionsCompile() {
    Compilation compilation =
        compile(
            List.of("-Aretort.registry=com.two.Migrations"),
            revision("org.one.CreateUsers", "a1"),
            revision("com.two.AddEmail", "b2", "a1"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.two.Migrations");
  }
}
