package dev.retort.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.cli.RetortCli;
import dev.retort.sample.db.SampleMigrations;
import dev.retort.testkit.Compiled;
import dev.retort.testkit.RegistryCompiler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code revision} and {@code merge} write is a class the processor accepts: each generated
 * file is compiled with the sample's own migrations by javac and the real Retort processor, as the
 * next build would, and the registry it generates runs.
 */
class ScaffoldCompilesTest {

  private static final String REGISTRY = "scaffold.check.Registry";
  private static final Path MIGRATIONS =
      Path.of(System.getProperty("basedir", "."), "src/main/java/dev/retort/sample/db");

  @TempDir Path dir;

  @Test
  void revisionOnTheAppHead() throws IOException {
    Path sources = dir.resolve("src");
    String out =
        cli(
            "revision",
            "-m",
            "add logo to companies",
            "--head",
            "app@head",
            "--dir",
            sources.toString(),
            "--id",
            "c0ffee12ab34");
    Path file = sources.resolve("dev/retort/sample/db/AddLogoToCompanies.java");
    assertEquals("Generating " + file + " ... done\n", out);

    MigrationRegistry registry = compile(file);
    RevisionInfo added = revision(registry, "c0ffee12ab34");
    assertEquals(List.of("5d0f2a8b7e19"), added.revises());
    assertEquals("add logo to companies", added.description());
    assertEquals("dev.retort.sample.db.AddLogoToCompanies", added.className());
    assertEquals(11, registry.revisions().size());
    assertRuns(registry, "c0ffee12ab34 (head)\nf3b8e1a6c074 (head)\n");
  }

  @Test
  void mergeOfBothLines() throws IOException {
    Path sources = dir.resolve("src");
    cli("merge", "-m", "merge app and audit", "--dir", sources.toString());
    Path file = sources.resolve("dev/retort/sample/db/MergeAppAndAudit.java");
    MigrationRegistry registry = compile(file);
    RevisionInfo merge =
        registry.revisions().stream()
            .filter(r -> r.className().endsWith(".MergeAppAndAudit"))
            .findFirst()
            .orElseThrow();
    assertTrue(merge.id().matches("[0-9a-f]{12}"), merge.id());
    assertEquals(List.of("5d0f2a8b7e19", "f3b8e1a6c074"), merge.revises());
    assertRuns(registry, merge.id() + " (head) (mergepoint)\n");
  }

  /** Runs the sample's command line over its registry; the output of a successful run. */
  private static String cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = new RetortCli(SampleMigrations.registry(), null, o, e, Map.of()).run(args);
    }
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Upgrades a new SQLite file with {@code registry} and checks where it ends. */
  private void assertRuns(MigrationRegistry registry, String current) {
    String url = "jdbc:sqlite:" + dir.resolve("scaffold.db");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    RetortCli cli = new RetortCli(registry, url, stream, stream, Map.of());
    assertEquals(0, cli.run("upgrade", "heads"), out.toString(StandardCharsets.UTF_8));
    out.reset();
    assertEquals(0, cli.run("current"));
    assertEquals(current, out.toString(StandardCharsets.UTF_8));
  }

  private static RevisionInfo revision(MigrationRegistry registry, String id) {
    return registry.revisions().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  /** Compiles the sample's migrations and {@code added} with the processor; loads the registry. */
  private MigrationRegistry compile(Path added) throws IOException {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
    }
    assertTrue(sources.size() >= 10, "the sample's migrations are in " + MIGRATIONS);
    sources.add(added);
    Compiled compiled;
    try (RegistryCompiler javac = new RegistryCompiler()) {
      compiled =
          javac.runFiles(
              dir.resolve("classes"),
              List.of(
                  "-Aretort.registry=" + REGISTRY, "-Xlint:all,-processing,-options", "-Werror"),
              sources);
    }
    assertTrue(
        compiled.success(), () -> "the generated class did not compile:\n" + compiled.describe());
    assertTrue(
        Files.exists(compiled.classes().resolve("scaffold/check/Registry.java")), "processor ran");
    // The registry and the new class are only in the new classes folder.
    return compiled.registry(REGISTRY);
  }
}
