package dev.retort.quickstart;

import static dev.retort.quickstart.SeparateBuild.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start works as written: its pom.xml and sources, taken verbatim from the
 * README, build as a separate Maven project against artifacts freshly installed from this build,
 * and its commands run the application, which migrates a new SQLite database.
 */
class QuickStartIT {

  private static final Path ROOT = Path.of(property("retort.root")).normalize();
  private static final String VERSION = property("retort.version");
  private static final Path WORK = Path.of(property("retort.work"));
  private static final Pattern REVISION_ID = Pattern.compile("@Revision\\(id = \"([^\"]+)\"");

  private static ReadmeQuickStart quickStart;
  private static SeparateBuild build;

  @BeforeAll
  static void readAndInstall() throws IOException {
    quickStart = ReadmeQuickStart.read(ROOT.resolve("README.md"));
    build = new SeparateBuild(WORK);
    PrivateRepository.install(
        build.repo(), VERSION, PrivateRepository.reactorArtifacts(ROOT, VERSION));
  }

  @Test
  void readmeNamesThisBuildsVersions() {
    for (String expected :
        List.of(
            "<version>" + VERSION + "</version>",
            "<version>" + property("retort.expect.compiler-plugin") + "</version>",
            "<version>" + property("retort.expect.dependency-plugin") + "</version>",
            "<version>" + property("retort.expect.sqlite-jdbc") + "</version>",
            "<version>" + property("retort.expect.slf4j") + "</version>",
            "<release>17</release>",
            "<artifactId>retort-processor</artifactId>")) {
      assertTrue(
          quickStart.pom.contains(expected),
          "the README's quick-start pom.xml should contain " + expected);
    }
  }

  @Test
  void buildsAndRunsAsASeparateProject() throws Exception {
    Path project = build.project("app", quickStart.pom, quickStart.javaSources, List.of());

    List<String> mavenCommand = quickStart.buildCommand();
    List<String> run = quickStart.runCommand();

    SeparateBuild.Result built = build.maven(project, mavenCommand, "build");
    assertEquals(0, built.exit(), "the quick start should build:\n" + built);

    String id = revisionId();
    Path database = project.resolve("app.db");
    assertFalse(Files.exists(database), "the build should not create the database");

    SeparateBuild.Result first = build.java(project, run, "run");
    assertEquals(0, first.exit(), "the application should run:\n" + first);
    assertTrue(
        first.stdout().lines().anyMatch(("database at [" + id + "]")::equals),
        "the application prints the migrated revision:\n" + first);
    assertTrue(
        Pattern.compile("INFO .* - Upgraded " + id + " \\(create users\\) in \\d+ ms")
            .matcher(first.stderr())
            .find(),
        "Retort logs the revision through the SLF4J provider:\n" + first);
    assertEquals(
        List.of(id), SeparateBuild.column(database, "SELECT version_num FROM retort_version"));
    assertEquals(
        List.of("users"),
        SeparateBuild.column(
            database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'"));

    SeparateBuild.Result second = build.java(project, run, "run-again");
    assertEquals(0, second.exit(), "the application should run again:\n" + second);
    assertTrue(
        second.stdout().lines().anyMatch(("database at [" + id + "]")::equals),
        "run again, the application prints the same revision:\n" + second);
    assertTrue(
        second.stderr().contains("nothing to upgrade"),
        "run again, Retort finds nothing to do:\n" + second);
    assertFalse(second.stderr().contains("Upgraded "), "nothing runs twice:\n" + second);
  }

  /**
   * Without the processor the quick start does not compile, so a build that silently runs no
   * processor (such as one on maven-compiler-plugin 3.1) cannot pass for a working one.
   */
  @Test
  void withoutTheProcessorTheApplicationDoesNotCompile() throws IOException {
    Path sources = WORK.resolve("no-processor/src");
    List<Path> files = new ArrayList<>();
    for (String source : quickStart.javaSources) {
      Path file = sources.resolve(ReadmeQuickStart.sourcePath(source).getFileName());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);
      files.add(file);
    }
    Path classes = Files.createDirectories(WORK.resolve("no-processor/classes"));
    String classPath =
        Stream.of("retort-annotations", "retort-runtime")
            .map(
                a ->
                    build
                        .repo()
                        .resolve(
                            "dev/retort/" + a + "/" + VERSION + "/" + a + "-" + VERSION + ".jar"))
            .map(Path::toString)
            .reduce((a, b) -> a + File.pathSeparator + b)
            .orElseThrow();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      compiled =
          javac
              .getTask(
                  null,
                  fm,
                  diagnostics,
                  List.of(
                      "-proc:none", "--release", "17", "-cp", classPath, "-d", classes.toString()),
                  null,
                  fm.getJavaFileObjectsFromPaths(files))
              .call();
    }
    assertFalse(compiled, "the quick start compiled without the processor");
    List<String> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getCode() + ": " + d.getMessage(Locale.ROOT))
            .toList();
    assertTrue(
        errors.stream()
            .anyMatch(e -> e.startsWith("compiler.err.cant.resolve") && e.contains("Migrations")),
        "without the processor, javac should not find the registry Migrations: " + errors);
  }

  private static String revisionId() {
    for (String source : quickStart.javaSources) {
      Matcher m = REVISION_ID.matcher(source);
      if (m.find()) return m.group(1);
    }
    throw new AssertionError("no @Revision(id = ...) in the quick start's sources");
  }
}
