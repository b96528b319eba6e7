package dev.retort.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class InaccessibleTest {

  @Test
  void privateNestedRevisionClassIsAnErrorOnThatClass() {
    JavaFileObject privateNested =
        source(
            "p.Schema",
            """
            package p;

            import dev.retort.*;

            public final class Schema {
              @Revision(
                  id = "a1")
              private static final class CreateUsers implements Migration {
                public void upgrade(MigrationContext ctx) {}
                public void downgrade(MigrationContext ctx) {}
              }
            }
            """);

    Compilation compilation = compile(privateNested);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/Inaccessible] p.Schema.CreateUsers cannot be instantiated from the generated"
                + " registry p.RetortMigrations; make it public (and static if nested), or put the"
                + " registry in its package with -Aretort.registry")
        .inFile(privateNested)
        .onLineContaining("private static final class CreateUsers");
  }

  @Test
  void innerClassNeedingAnEnclosingInstanceIsAnError() {
    JavaFileObject nonStaticNested =
        source(
            "p.Schema",
            """
            package p;

            import dev.retort.*;

            public final class Schema {
              @Revision(
                  id = "a1")
              public class CreateUsers implements Migration {
                public void upgrade(MigrationContext ctx) {}
                public void downgrade(MigrationContext ctx) {}
              }
            }
            """);

    Compilation compilation = compile(nonStaticNested);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Retort/Inaccessible] p.Schema.CreateUsers cannot be instantiated")
        .inFile(nonStaticNested)
        .onLineContaining("public class CreateUsers");
  }

  @Test
  void packagePrivateClassOutsideTheRegistryPackageIsAnError() {
    JavaFileObject packagePrivateInSubpackage =
        source(
            "com.acme.db.users.CreateUsers",
            """
            package com.acme.db.users;

            import dev.retort.*;

            @Revision(
                id = "a1")
            class CreateUsers implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);
    JavaFileObject publicInOtherSubpackage =
        revision("com.acme.db.billing.CreateInvoices", "b2", "a1");

    Compilation compilation = compile(packagePrivateInSubpackage, publicInOtherSubpackage);

    // The default registry goes to the common package, com.acme.db, which cannot see the class.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/Inaccessible] com.acme.db.users.CreateUsers cannot be instantiated from the"
                + " generated registry com.acme.db.RetortMigrations")
        .inFile(packagePrivateInSubpackage)
        .onLineContaining("class CreateUsers");
  }

  @Test
  void classOfTheUnnamedPackageIsAnErrorWhenTheRegistryHasAPackage() {
    JavaFileObject inUnnamedPackage =
        source(
            "CreateUsers",
            """
            import dev.retort.*;

            @Revision(
                id = "a1")
            public class CreateUsers implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation =
        compile(List.of("-Aretort.registry=com.acme.Migrations"), inUnnamedPackage);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/Inaccessible] CreateUsers is in the unnamed package, which the generated"
                + " registry com.acme.Migrations cannot refer to from its package; move the class"
                + " into a named package")
        .inFile(inUnnamedPackage)
        .onLineContaining("public class CreateUsers");
  }
}
