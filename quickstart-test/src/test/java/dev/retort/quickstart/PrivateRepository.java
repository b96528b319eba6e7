package dev.retort.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A Maven local repository of the quick start's own, holding this build's artifacts, and the
 * settings that let the separate build find everything else.
 *
 * <p>The artifacts are installed as {@code mvn install} lays them out: {@code
 * GROUP/ARTIFACT/VERSION/ARTIFACT-VERSION.(pom|jar)} with a {@code _remote.repositories} file whose
 * entries name no repository, which is how Maven marks a locally installed file (it never looks for
 * a newer copy elsewhere). The shared {@code ~/.m2} is never written: other builds install their
 * own snapshots there.
 *
 * <p>Everything else (the JDBC driver, SLF4J, Maven's plugins) comes from this build's local
 * repository, declared in the settings as a read-only {@code file:} repository for releases only
 * (so it can never lend a snapshot of Retort built elsewhere), and from Maven Central after it for
 * what it lacks. A fresh checkout therefore downloads only what this build did not.
 */
final class PrivateRepository {

  /** One artifact of the reactor: its pom and, but for the parent, its jar. */
  record Artifact(String artifactId, Path pom, Path jar) {}

  private PrivateRepository() {}

  /** The artifacts of this reactor that the quick start needs, with their transitive ones. */
  static List<Artifact> reactorArtifacts(Path root, String version) {
    return List.of(
        new Artifact("retort-parent", root.resolve("pom.xml"), null),
        module(root, "annotations", "retort-annotations", version, "pom.xml"),
        module(root, "graph", "retort-graph", version, "pom.xml"),
        module(root, "runtime", "retort-runtime", version, "pom.xml"),
        // what the shade plugin installs: the pom without the relocated JavaPoet
        module(
            root, "processor", "retort-processor", version, "target/dependency-reduced-pom.xml"));
  }

  /** What the Spring Boot quick start needs besides: the starter. */
  static List<Artifact> bootArtifacts(Path root, String version) {
    List<Artifact> artifacts = new ArrayList<>(reactorArtifacts(root, version));
    artifacts.add(
        module(root, "spring-boot-starter", "retort-spring-boot-starter", version, "pom.xml"));
    return artifacts;
  }

  private static Artifact module(
      Path root, String folder, String artifactId, String version, String pom) {
    Path dir = root.resolve(folder);
    return new Artifact(
        artifactId, dir.resolve(pom), dir.resolve("target/" + artifactId + "-" + version + ".jar"));
  }

  /** Installs {@code artifacts} (group {@code dev.retort}) into the repository at {@code repo}. */
  static void install(Path repo, String version, List<Artifact> artifacts) throws IOException {
    for (Artifact artifact : artifacts) {
      Path dir = repo.resolve("dev/retort").resolve(artifact.artifactId()).resolve(version);
      Files.createDirectories(dir);
      String base = artifact.artifactId() + "-" + version;
      StringBuilder tracking = new StringBuilder("#written by QuickStartIT, as mvn install does\n");
      copy(artifact.pom(), dir.resolve(base + ".pom"));
      tracking.append(base).append(".pom>=\n");
      if (artifact.jar() != null) {
        copy(artifact.jar(), dir.resolve(base + ".jar"));
        tracking.append(base).append(".jar>=\n");
      }
      Files.writeString(dir.resolve("_remote.repositories"), tracking, StandardCharsets.UTF_8);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(from)) {
      throw new AssertionError(
          from
              + " does not exist: run the test from the root, `mvn verify`, so the modules are"
              + " packaged");
    }
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Settings that add {@code seed} as a read-only repository of releases, before Central. */
  static String settings(Path seed) {
    String repository =
        """
              <id>retort-build-local</id>
              <url>%s</url>
              <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
              <snapshots><enabled>false</enabled></snapshots>
        """
            .formatted(seed.toUri());
    return """
    <?xml version="1.0" encoding="UTF-8"?>
    <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
      <profiles>
        <profile>
          <id>retort-seed</id>
          <repositories>
            <repository>
    %s        </repository>
          </repositories>
          <pluginRepositories>
            <pluginRepository>
    %s        </pluginRepository>
          </pluginRepositories>
        </profile>
      </profiles>
      <activeProfiles>
        <activeProfile>retort-seed</activeProfile>
      </activeProfiles>
    </settings>
    """
        .formatted(repository, repository);
  }
}
