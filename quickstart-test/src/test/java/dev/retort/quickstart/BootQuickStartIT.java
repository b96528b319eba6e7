package dev.retort.quickstart;

import static dev.retort.quickstart.SeparateBuild.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
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
    Path project =
        build.project(
            "app",
            quickStart.pom,
            quickStart.javaSources,
            List.of(
                new SeparateBuild.Resource(
                    "src/main/resources/application.properties", quickStart.properties.get(0))));
    assertEquals(
        2, quickStart.commands.size(), "the quick start's commands: " + quickStart.commands);
    List<String> mavenCommand = ReadmeQuickStart.words(quickStart.commands.get(0));
    List<String> run = ReadmeQuickStart.words(quickStart.commands.get(1));
    assertEquals("mvn", mavenCommand.get(0), "the first command builds with Maven");
    assertEquals("java", run.get(0), "the second command runs the application");

    SeparateBuild.Result built = build.maven(project, mavenCommand, "boot-build");
    assertEquals(0, built.exit(), "the Boot quick start should build:\n" + built);
    Path database = project.resolve("app.db");
    assertFalse(Files.exists(database), "the build should not create the database");

    SeparateBuild.Result first = build.java(project, run, "boot-run");
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

    SeparateBuild.Result second = build.java(project, run, "boot-run-again");
    assertEquals(0, second.exit(), "the application should run again:\n" + second);
    assertTrue(
        second.stdout().lines().anyMatch(("database at [" + REVISION + "]")::equals),
        "run again, the application prints the same revision:\n" + second);
    assertFalse(second.stdout().contains("Upgraded "), "nothing runs twice:\n" + second);
  }
}
