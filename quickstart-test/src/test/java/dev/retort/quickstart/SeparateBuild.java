package dev.retort.quickstart;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A quick start built as a separate Maven project in {@code work}, on the private local repository
 * {@code work/repository}: its files written, the README's commands run by this build's Maven and
 * Java, and what they left read.
 */
final class SeparateBuild {

  private static final long TIMEOUT_MINUTES = 5;

  private final Path work;
  private final Path repo;
  private final Path settings;

  /** A command's exit code and output, shown in full when an assertion fails. */
  record Result(int exit, String stdout, String stderr, List<String> command) {
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

  /**
   * A separate build in {@code work}, empty at first, whose Maven uses its own repository and,
   * read-only, this build's local repository.
   */
  SeparateBuild(Path work) throws IOException {
    deleteRecursively(work);
    this.work = Files.createDirectories(work);
    this.repo = work.resolve("repository");
    this.settings = work.resolve("settings.xml");
    Files.writeString(
        settings,
        PrivateRepository.settings(Path.of(property("retort.seed.repository"))),
        StandardCharsets.UTF_8);
  }

  Path work() {
    return work;
  }

  Path repo() {
    return repo;
  }

  /**
   * Writes a Maven project in {@code work/name}: its pom.xml, its Java sources where Maven looks
   * for them, and {@code resources} (path to content); returns its folder.
   */
  Path project(String name, String pom, List<String> javaSources, List<Resource> resources)
      throws IOException {
    Path project = work.resolve(name);
    // stops Maven's search for a .mvn folder here, so no configuration of an enclosing folder
    // (such as this repository's) applies to the separate project
    Files.createDirectories(project.resolve(".mvn"));
    Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
    for (String source : javaSources) {
      write(project.resolve(ReadmeQuickStart.sourcePath(source)), source);
    }
    for (Resource resource : resources) write(project.resolve(resource.path()), resource.content());
    return project;
  }

  /** A file of a project other than its pom and Java sources. */
  record Resource(String path, String content) {}

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** The README's Maven command, run by this build's Maven on the private repository. */
  Result maven(Path project, List<String> words, String name) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(mavenExecutable());
    // global settings: the user's own settings (a mirror, a proxy) still apply on top
    command.add("--global-settings=" + settings);
    command.add("-Dmaven.repo.local=" + repo);
    command.addAll(words.subList(1, words.size()));
    long start = System.nanoTime();
    Result result = exec(project, command, name);
    System.out.printf(
        "%s: %s took %d s%n",
        name, words, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    return result;
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
  Result java(Path project, List<String> words, String name) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(words.subList(1, words.size()));
    return exec(project, command, name);
  }

  private Result exec(Path dir, List<String> command, String name) throws Exception {
    Path out = work.resolve(name + ".out");
    Path err = work.resolve(name + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // the same Java for the separate build as for this one
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = pb.start();
    process.getOutputStream().close();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not finish in " + TIMEOUT_MINUTES + " minutes");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        command);
  }

  /** The first column of {@code sql}'s rows in the SQLite file {@code database}. */
  static List<String> column(Path database, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) values.add(rs.getString(1));
    }
    return values;
  }

  /** A system property the pom sets for the test. */
  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new AssertionError("system property " + name + " is not set: run through mvn verify");
    }
    return value;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
