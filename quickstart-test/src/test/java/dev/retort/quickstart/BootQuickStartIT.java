package dev.retort.quickstart;

import static dev.retort.quickstart.SeparateBuild.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot quick start works as written: its pom.xml, sources and
 * application.properties, taken verbatim from the README, build as a separate Maven project against
 * artifacts freshly installed from this build, and its commands run the application, which Retort
 * migrates before Hibernate validates the entity.
 */
class BootQuickStartIT {

  private static final String HEADING = "## Quick start with Spring Boot\n";
  private static final Path ROOT = Path.of(property("retort.root")).normalize();
  private static final String VERSION = property("retort.version");
  private static final String REVISION = "a1f3c9";

  private static ReadmeQuickStart quickStart;
  private static SeparateBuild build;

  @BeforeAll
  static void readAndInstall() throws IOException {
    quickStart = ReadmeQuickStart.read(ROOT.resolve("README.md"), HEADING, 3, 1);
    build = new SeparateBuild(Path.of(property("retort.boot.work")));
    PrivateRepository.install(
        build.repo(), VERSION, PrivateRepository.bootArtifacts(ROOT, VERSION));
  }

  @Test
  void readmeNamesThisBuildsVersions() {
    for (String expected :
        List.of(
            "<artifactId>spring-boot-starter-parent</artifactId>\n    <version>"
                + property("retort.expect.spring-boot")
                + "</version>",
            "<artifactId>retort-spring-boot-starter</artifactId>\n      <version>"
                + VERSION
                + "</version>",
            "<artifactId>retort-processor</artifactId>\n              <version>"
                + VERSION
                + "</version>")) {
      assertTrue(
          quickStart.pom.contains(expected),
          "the README's Boot quick-start pom.xml should contain " + expected);
    }
  }

  @Test
  void buildsAndRunsAsASeparateProject() throws Exception {
    buildAndRun("app", quickStart.pom);
  }

  /**
   * The starter, built against Boot 4, also runs a Boot 3.5 application: the same project on
   * spring-boot-starter-parent 3.5, without a second copy of Boot's SQL-initialization classes. A
   * build of its own with Boot 3's libraries: {@code mvn verify -Plong}.
   */
  @Test
  @Tag("long")
  void runsOnSpringBoot3() throws Exception {
    String parent =
        "<artifactId>spring-boot-starter-parent</artifactId>\n    <version>"
            + property("retort.expect.spring-boot");
    assertTrue(quickStart.pom.contains(parent), "the quick start's parent: " + quickStart.pom);
    String boot3 =
        quickStart.pom.replace(
            parent,
            "<artifactId>spring-boot-starter-parent</artifactId>\n    <version>"
                + property("retort.spring-boot3"));
    Path project = buildAndRun("app-boot3", boot3);
    try (JarFile jar = new JarFile(project.resolve("target/app-1.0.jar").toFile())) {
      List<String> boot =
          jar.stream()
              .map(JarEntry::getName)
              .filter(name -> name.startsWith("BOOT-INF/lib/spring-boot"))
              .toList();
      assertTrue(
          boot.contains("BOOT-INF/lib/spring-boot-" + property("retort.spring-boot3") + ".jar"),
          "built on Boot 3: " + boot);
      assertTrue(
          boot.stream().noneMatch(name -> name.startsWith("BOOT-INF/lib/spring-boot-sql")),
          "Boot 3 has these classes in spring-boot itself: " + boot);
    }
  }

  /** Builds the quick start with {@code pom} in {@code name}, runs it twice; returns its folder. */
  private static Path buildAndRun(String name, String pom) throws Exception {
    Path project =
        build.project(
            name,
            pom,
            quickStart.javaSources,
            List.of(
                new SeparateBuild.Resource(
                    "src/main/resources/application.properties", quickStart.properties.get(0))));
    List<String> mavenCommand = quickStart.buildCommand();
    List<String> run = quickStart.runCommand();

    SeparateBuild.Result built = build.maven(project, mavenCommand, name + "-build");
    assertEquals(0, built.exit(), "the Boot quick start should build:\n" + built);
    Path database = project.resolve("app.db");
    assertFalse(Files.exists(database), "the build should not create the database");

    SeparateBuild.Result first = build.java(project, run, name + "-run");
    assertEquals(0, first.exit(), "the application should run:\n" + first);
    assertTrue(
        Pattern.compile("Upgraded " + REVISION + " \\(create users\\) in \\d+ ms")
            .matcher(first.stdout())
            .find(),
        "Retort logs the revision through Boot's logging:\n" + first);
    assertTrue(
        first.stdout().lines().anyMatch(("database at [" + REVISION + "]")::equals),
        "the application prints the migrated revision:\n" + first);
    assertEquals(
        List.of(REVISION),
        SeparateBuild.column(database, "SELECT version_num FROM retort_version"));

    SeparateBuild.Result second = build.java(project, run, name + "-run-again");
    assertEquals(0, second.exit(), "the application should run again:\n" + second);
    assertTrue(
        second.stdout().lines().anyMatch(("database at [" + REVISION + "]")::equals),
        "run again, the application prints the same revision:\n" + second);
    assertFalse(second.stdout().contains("Upgraded "), "nothing runs twice:\n" + second);
    return project;
  }
}
