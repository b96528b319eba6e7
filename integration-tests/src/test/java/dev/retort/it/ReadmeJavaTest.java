package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.FleetResult;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.testkit.Compiled;
import dev.retort.testkit.ReadmeBlocks;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSources;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The README's Java snippets outside the quick start, compiled and run as written: each is placed
 * in a class of its own beside a registry the processor generates under the README's name, {@code
 * Migrations}, and the compiler errors it shows "from a real build" come from a real build of the
 * sources they quote.
 */
class ReadmeJavaTest {

  private static final ReadmeBlocks README = ReadmeBlocks.load();

  @TempDir Path dir;

  @Test
  void theRuntimeBuilderAsShownMigratesAPostgresqlDatabase() throws Throwable {
    String snippet = README.after("## The runtime").text();
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    TestDatabase.execute(url, "CREATE SCHEMA ops");
    PGSimpleDataSource pool = new PGSimpleDataSource();
    pool.setURL(url);

    Path classes =
        compile(
            "readme.Builder",
            "package readme;\n"
                + "import dev.retort.runtime.Retort;\n"
                + "import java.time.Duration;\n"
                + "import javax.sql.DataSource;\n"
                + "public final class Builder {\n"
                + "  public static Retort build(DataSource pool, String jdbcUrl) {\n"
                + snippet
                + "    return retort;\n"
                + "  }\n"
                + "}\n");
    Retort retort =
        (Retort)
            MethodHandles.publicLookup()
                .findStatic(
                    load(classes, "readme.Builder"),
                    "build",
                    MethodType.methodType(Retort.class, DataSource.class, String.class))
                .invoke(pool, url);

    assertEquals(List.of("a"), retort.upgrade("heads").revisions());
    assertEquals(
        List.of("a"), TestDatabase.column(url, "SELECT version_num FROM ops.retort_version"));
  }

  @Test
  void theCommandLineMainAsShownMigratesItsDefaultDatabase() throws Exception {
    String snippet = README.after("its own database as the default:").text();
    Path classes =
        compile(
            "readme.Main",
            "package readme;\n"
                + "import dev.retort.cli.RetortCli;\n"
                + "public final class Main {\n"
                + snippet
                + "}\n");

    Process process =
        new ProcessBuilder(
                javaHome("java"),
                "-cp",
                classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                "readme.Main",
                "upgrade",
                "heads")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));

    assertEquals(0, process.exitValue(), output);
    assertTrue(Files.isRegularFile(dir.resolve("app.db")), output);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theSchemaOperationsExampleRunsOnBothDatabases(TestDatabase db) throws Exception {
    String example = README.after("## Schema operations").text();
    RevisionSpec users =
        new RevisionSpec(
            "a1f3c9",
            List.of(),
            List.of(),
            List.of(),
            "ctx.execute(\"CREATE TABLE users (id BIGINT PRIMARY KEY)\");",
            "ctx.execute(\"DROP TABLE users\");",
            true);
    List<JavaFileObject> sources =
        new ArrayList<>(
            List.of(
                RevisionSources.source("com.example.db", "CreateUsers", users),
                source("com.example.db.CreatePosts", example)));
    MigrationRegistry registry;
    try (RegistryCompiler compiler = new RegistryCompiler()) {
      Compiled compiled =
          compiler.run(
              dir.resolve("classes"),
              List.of("-Aretort.registry=com.example.db.Migrations", "-Xlint:-options"),
              sources);
      assertTrue(compiled.success(), compiled.describe());
      registry = compiled.registry("com.example.db.Migrations");
    }
    String url = db.freshUrl(dir);
    Retort retort = Retort.builder(registry).url(url).build();

    assertEquals(List.of("a1f3c9", "c5e1a7"), retort.upgrade("heads").revisions());
    TestDatabase.execute(url, "INSERT INTO users (id) VALUES (1)");
    TestDatabase.execute(url, "INSERT INTO posts (user_id, title) VALUES (1, 'hello')");
    assertEquals(
        List.of("1 hello"),
        TestDatabase.column(url, "SELECT id || ' ' || title FROM posts WHERE NOT published"));
    assertEquals(List.of("ix_posts_user"), db.indexes(url));
    retort.downgrade("a1f3c9");
    assertEquals(List.of("retort_version", "retort_version_history", "users"), db.tables(url));
  }

  @Test
  void theFleetExampleMigratesEveryTenantSchema() throws Throwable {
    String snippet = README.after("## Fleets: many schemas or databases").text();
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    TestDatabase.execute(
        url, "CREATE SCHEMA tenant_a", "CREATE SCHEMA tenant_b", "CREATE SCHEMA tenant_c");
    Path classes =
        compile(
            "readme.FleetRun",
            "package readme;\n"
                + "import dev.retort.runtime.*;\n"
                + "public final class FleetRun {\n"
                + "  public static FleetResult<MigrationResult> run(String jdbcUrl) {\n"
                + snippet
                + "    return result;\n"
                + "  }\n"
                + "}\n");

    @SuppressWarnings("unchecked")
    FleetResult<MigrationResult> result =
        (FleetResult<MigrationResult>)
            MethodHandles.publicLookup()
                .findStatic(
                    load(classes, "readme.FleetRun"),
                    "run",
                    MethodType.methodType(FleetResult.class, String.class))
                .invoke(url);

    assertEquals(Map.of(FleetResult.Outcome.MIGRATED, 3L), result.counts());
    assertTrue(
        snippet.contains("// " + result.summary().replaceAll("in [0-9.]+ s", "in 0.2 s")),
        result.summary());
  }

  @Test
  void theCompilerErrorsShownComeFromARealBuild() throws Exception {
    String shown = README.after("From a real build:").text();
    Path db = dir.resolve("src/com/example/db");
    Files.createDirectories(db);
    write(
        db,
        "CreateUsers",
        "@Revision(id = \"a1f3c9\", revises = \"d11e7a\", description = \"create users\")",
        true);
    write(
        db,
        "AddEmail",
        "@Revision(id = \"b27e01\", revises = \"a1f3c8\", description = \"add users.email\")",
        false);
    write(
        db,
        "AddPhone",
        "@Revision(id = \"d11e7a\", revises = \"a1f3c9\", description = \"add users.phone\")",
        true);
    String classPath = System.getProperty("java.class.path");

    Process javac =
        new ProcessBuilder(
                javaHome("javac"),
                "-d",
                "classes",
                "-cp",
                classPath,
                "-processorpath",
                classPath,
                "-processor",
                "dev.retort.processor.RevisionProcessor",
                "src/com/example/db/AddEmail.java",
                "src/com/example/db/AddPhone.java",
                "src/com/example/db/CreateUsers.java")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(javac.waitFor(2, TimeUnit.MINUTES));

    assertEquals(1, javac.exitValue(), output);
    assertTrue(output.startsWith(shown), output);
    assertTrue(output.substring(shown.length()).matches("\\d+ errors?\n"), output);
  }

  /** A revision class laid out as the README's error lines count: the annotation on line 5. */
  private static void write(Path dir, String name, String annotation, boolean downgrade)
      throws IOException {
    String source =
        "package com.example.db;\n"
            + "\n"
            + "import dev.retort.*;\n"
            + "\n"
            + annotation
            + "\n"
            + "public final class "
            + name
            + " implements Migration {\n"
            + "  @Override\n"
            + "  public void upgrade(MigrationContext ctx) {}\n"
            + (downgrade ? "\n  @Override\n  public void downgrade(MigrationContext ctx) {}\n" : "")
            + "}\n";
    Files.writeString(dir.resolve(name + ".java"), source, StandardCharsets.UTF_8);
  }

  /**
   * Compiles {@code source} (class {@code className}) beside one revision whose registry the
   * processor generates as {@code readme.Migrations}; returns the class folder.
   */
  private Path compile(String className, String source) {
    List<JavaFileObject> sources =
        new ArrayList<>(RevisionSources.sources("readme", List.of(table("a"))));
    sources.add(source(className, source));
    Path classes = dir.resolve("classes");
    try (RegistryCompiler compiler = new RegistryCompiler()) {
      Compiled compiled =
          compiler.run(
              classes, List.of("-Aretort.registry=readme.Migrations", "-Xlint:-options"), sources);
      assertTrue(compiled.success(), compiled.describe());
    }
    return classes;
  }

  /** {@code text}, the source of class {@code className}, in memory. */
  private static JavaFileObject source(String className, String text) {
    return new SimpleJavaFileObject(
        java.net.URI.create("string:///" + className.replace('.', '/') + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  private static Class<?> load(Path classes, String name) throws Exception {
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ReadmeJavaTest.class.getClassLoader());
    return loader.loadClass(name);
  }

  private static String javaHome(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }
}
