package dev.retort.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
  private static final long MAVEN_TIMEOUT_MINUTES = 5;

  private static ReadmeQuickStart quickStart;
  private static Path repo;

  @BeforeAll
  static void readAndInstall() throws IOException {
    quickStart = ReadmeQuickStart.read(ROOT.resolve("README.md"));
    deleteRecursively(WORK);
    repo = WORK.resolve("repository");
    PrivateRepository.install(repo, VERSION, PrivateRepository.reactorArtifacts(ROOT, VERSION));
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
    Path project = WORK.resolve("app");
    Files.createDirectories(project);
    // stops Maven's search for a .mvn folder here, so no configuration of an enclosing folder
    // (such as this repository's) applies to the separate project
    Files.createDirectories(project.resolve(".mvn"));
    Files.writeString(project.resolve("pom.xml"), quickStart.pom, StandardCharsets.UTF_8);
    for (String source : quickStart.javaSources) {
      Path file = project.resolve(ReadmeQuickStart.sourcePath(source));
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);
    }
    Path settings = WORK.resolve("settings.xml");
    Files.writeString(
        settings,
        PrivateRepository.settings(Path.of(property("retort.seed.repository"))),
        StandardCharsets.UTF_8);

    assertEquals(
        2, quickStart.commands.size(), "the quick start's commands: " + quickStart.commands);
    List<String> build = ReadmeQuickStart.words(quickStart.commands.get(0));
    List<String> run = ReadmeQuickStart.words(quickStart.commands.get(1));
    assertEquals("mvn", build.get(0), "the first command builds with Maven");
    assertEquals("java", run.get(0), "the second command runs the application");

    long start = System.nanoTime();
    Result built = exec(project, maven(build, settings), "build");
    System.out.printf(
        "QuickStartIT: built the quick start in %d s%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    assertEquals(0, built.exit(), "the quick start should build:\n" + built);

    String id = revisionId();
    Path database = project.resolve("app.db");
    assertFalse(Files.exists(database), "the build should not create the database");

    Result first = exec(project, java(run), "run");
    assertEquals(0, first.exit(), "the application should run:\n" + first);
    assertTrue(
        first.stdout().lines().anyMatch(("database at [" + id + "]")::equals),
        "the application prints the migrated revision:\n" + first);
    assertTrue(
        Pattern.compile("INFO .* - Upgraded " + id + " \\(create users\\) in \\d+ ms")
            .matcher(first.stderr())
            .find(),
        "Retort logs the revision through the SLF4J provider:\n" + first);
    assertEquals(List.of(id), column(database, "SELECT version_num FROM retort_version"));
    assertEquals(
        List.of("users"),
        column(database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'"));

    Result second = exec(project, java(run), "run-again");
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
                    repo.resolve(
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

  /** The README's Maven command, run by this build's Maven on the private repository. */
  private static List<String> maven(List<String> words, Path settings) {
    List<String> command = new ArrayList<>();
    command.add(mavenExecutable());
    // global settings: the user's own settings (a mirror, a proxy) still apply on top
    command.add("--global-settings=" + settings);
    command.add("-Dmaven.repo.local=" + repo);
    command.addAll(words.subList(1, words.size()));
    return command;
  }

  private static String mavenExecutable() {
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    String name = windows ? "mvn.cmd" : "mvn";
    String home = System.getProperty("maven.home");
    if (home == null || home.isBlank()) home = System.getenv("MAVEN_HOME");
    if (home != null && !home.isBlank()) {
      Path mvn = Path.of(home, "bin", name);
      if (Files.isRegularFile(mvn)) return mvn.toString();
    }
    return name; // from the PATH
  }

  /** The README's java command, run by the Java that runs this test. */
  private static List<String> java(List<String> words) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(words.subList(1, words.size()));
    return command;
  }

  private record Result(int exit, String stdout, String stderr, List<String> command) {
    @Override
    public String toString() {
      return "$ "
          + String.join(" ", command)
          + "\nexit "
          + exit
          + "\n--- stdout\n"
          + stdout
          + "--- stderr\n"
          + stderr;
    }
  }

  private static Result exec(Path dir, List<String> command, String name) throws Exception {
    Path out = WORK.resolve(name + ".out");
    Path err = WORK.resolve(name + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // the same Java for the separate build as for this one
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = pb.start();
    process.getOutputStream().close();
    if (!process.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not finish in " + MAVEN_TIMEOUT_MINUTES + " minutes");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        command);
  }

  private static List<String> column(Path database, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) values.add(rs.getString(1));
    }
    return values;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new AssertionError("system property " + name + " is not set: run through mvn verify");
    }
    return value;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
