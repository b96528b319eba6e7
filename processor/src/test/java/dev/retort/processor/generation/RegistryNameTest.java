package dev.retort.processor.generation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryNameTest {

  @Test
  void defaultRegistryGoesToThePackageOfTheRevisions() {
    Compilation compilation =
        compile(
            revision("com.acme.db.CreateUsers", "a1"),
            revision("com.acme.db.AddEmail", "b2", "a1"));

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .generatedSourceFile("com.acme.db.RetortMigrations")
        .contentsAsUtf8String()
        .contains("public final class RetortMigrations implements MigrationRegistry {");
  }

  @Test
  void defaultRegistryGoesToTheLongestCommonPackage() {
    Compilation compilation =
        compile(
            revision("com.acme.db.users.CreateUsers", "a1"),
            revision("com.acme.db.billing.CreateInvoices", "b2", "a1"),
            revision("com.acme.dbx.CreateTeams", "c3", "b2"));

    assertThat(compilation).succeeded();
    // com.acme.db and com.acme.dbx share com.acme: packages are compared by segment, not text.
    assertThat(compilation).generatedSourceFile("com.acme.RetortMigrations");
    assertThat(compilation.generatedSourceFile("com.acme.db.RetortMigrations")).isEmpty();
  }

  @Test
  void registryOptionNamesTheGeneratedClass() {
    Compilation compilation =
        compile(
            List.of("-Aretort.registry=com.acme.app.Migrations"),
            revision("com.acme.db.CreateUsers", "a1"));

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .generatedSourceFile("com.acme.app.Migrations")
        .contentsAsUtf8String()
        .contains("public final class Migrations implements MigrationRegistry {");
    assertThat(compilation.generatedSourceFile("com.acme.db.RetortMigrations")).isEmpty();
  }

  @Test
  void registryOptionMayNameAClassOfTheUnnamedPackage() {
    Compilation compilation =
        compile(List.of("-Aretort.registry=Migrations"), revision("com.acme.db.CreateUsers", "a1"));

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("Migrations");
  }
}
