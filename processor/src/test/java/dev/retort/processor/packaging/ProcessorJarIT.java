package dev.retort.processor.packaging;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.Migration;
import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.graph.GraphNode;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jars work as a user's build uses them: javac runs the processor from the processor
 * jar, the graph jar and the API jar, on the processor path and on the processor module path, and
 * the registry it generates loads.
 *
 * <p>javac runs in a process of its own, as a build runs it. In this JVM it would not prove the
 * jar: javac's processor-path class loader asks the application class loader first, which holds the
 * processor's classes and JavaPoet of this test's own class path.
 */
class ProcessorJarIT {

  private static final Path PROCESSOR_JAR = Path.of(System.getProperty("retort.processor.jar"));
  private static final Path INSTALLED_POM = Path.of(System.getProperty("retort.processor.pom"));

  private static final String CREATE_USERS =
      """
      package it.app;

      import dev.retort.Migration;
      import dev.retort.MigrationContext;
      import dev.retort.Revision;

      @Revision(id = "a1", description = "create users")
      public final class CreateUsers implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) throws Exception {
          ctx.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
        }

        @Override
        public void downgrade(MigrationContext ctx) throws Exception {
          ctx.execute("DROP TABLE users");
        }
      }
      """;

  private static final String ADD_EMAIL =
      """
      package it.app;

      import dev.retort.Irreversible;
      import dev.retort.Migration;
      import dev.retort.MigrationContext;
      import dev.retort.Revision;

      @Irreversible("drops nothing it could restore")
      @Revision(id = "b2", revises = "a1", description = "add users.email")
      public final class AddEmail implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) throws Exception {
          ctx.execute("ALTER TABLE users ADD COLUMN email TEXT");
        }
      }
      """;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--processor-path", "--processor-module-path"})
  void theProcessorJarGeneratesARegistryThatLoads(String pathOption) throws Exception {
    String api = jarOf(Migration.class);
    String processorPath =
        String.join(File.pathSeparator, jar(PROCESSOR_JAR), jarOf(GraphNode.class), api);

    Path classes = dir.resolve("classes");
    Path generated = dir.resolve("generated");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    command.addAll(
        List.of(
            "--release",
            "17",
            // A clean compile of a user's project: no warning of Retort's.
            "-Xlint:all,-processing",
            "-Werror",
            "-cp",
            api,
            pathOption,
            processorPath,
            "-Aretort.registry=it.app.Migrations",
            "-d",
            classes.toString(),
            "-s",
            generated.toString()));
    command.add(source("CreateUsers", CREATE_USERS).toString());
    command.add(source("AddEmail", ADD_EMAIL).toString());

    String output = run(command);

    assertThat(Files.exists(generated.resolve("it/app/Migrations.java"))).isTrue();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ProcessorJarIT.class.getClassLoader())) {
      MigrationRegistry registry =
          (MigrationRegistry)
              loader.loadClass("it.app.Migrations").getMethod("registry").invoke(null);
      List<RevisionInfo> revisions = registry.revisions();
      assertWithMessage(output)
          .that(revisions.stream().map(RevisionInfo::id).toList())
          .containsExactly("a1", "b2")
          .inOrder();
      assertThat(revisions.get(1).revises()).containsExactly("a1");
      assertThat(revisions.get(1).irreversibleReason()).isEqualTo("drops nothing it could restore");
      for (RevisionInfo info : revisions) {
        // javac's tree API was reachable from the processor: the source was checksummed.
        assertThat(info.checksum()).matches("v2:[0-9a-f]{61}");
        assertThat(info.newMigration().getClass().getName()).isEqualTo(info.className());
      }
    }
  }

  @Test
  void theJarCarriesJavaPoetRelocatedAndItsModuleDescriptor() throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile jar = new JarFile(PROCESSOR_JAR.toFile())) {
      jar.stream().map(ZipEntry::getName).forEach(names::add);
      ZipEntry services = jar.getEntry("META-INF/services/javax.annotation.processing.Processor");
      assertThat(services).isNotNull();
      String providers =
          new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(providers.trim()).isEqualTo("dev.retort.processor.RevisionProcessor");
    }

    assertThat(names).contains("module-info.class");
    assertThat(names).contains("dev/retort/processor/internal/javapoet/JavaFile.class");
    assertThat(names.stream().filter(n -> n.startsWith("com/")).toList()).isEmpty();
  }

  @Test
  void theInstalledPomNoLongerDependsOnJavaPoet() throws IOException {
    String pom = Files.readString(INSTALLED_POM, StandardCharsets.UTF_8);
    int start = pom.indexOf("<dependencies>");
    String dependencies = pom.substring(start, pom.indexOf("</dependencies>", start));

    assertThat(dependencies).contains("<artifactId>retort-graph</artifactId>");
    assertThat(dependencies).doesNotContain("javapoet");
  }

  private Path source(String name, String text) throws IOException {
    Path file = dir.resolve("src/it/app/" + name + ".java");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage("javac did not finish").that(javac.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertWithMessage("javac %s\n%s", command, output).that(javac.exitValue()).isEqualTo(0);
    return output;
  }

  /** The jar a class of this test's class path comes from; it must be a packaged jar. */
  private static String jarOf(Class<?> type) throws URISyntaxException {
    return jar(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
  }

  private static String jar(Path file) {
    assertWithMessage("%s is not a packaged jar: run mvn verify", file)
        .that(file.toString().endsWith(".jar") && Files.isRegularFile(file))
        .isTrue();
    return file.toString();
  }
}
