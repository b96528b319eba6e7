package dev.retort.processor.compilers;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.processor.ByName;
import dev.retort.processor.Fixtures;
import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under an emulation of Gradle's incremental processing ({@link GradleLike}) the registry is the
 * one plain javac writes, checksums included, on a full build and on an incremental one, where
 * Gradle passes the revisions that did not change by name.
 */
class GradleLikeTest {

  private static final String OPTION = "-Aretort.registry=p.Migrations";

  /** Gradle gives javac an empty source path unless the build configures one. */
  @Test
  void fullBuildGivesTheRegistryPlainJavacGives(@TempDir Path dir) throws IOException {
    List<Path> files = write(dir.resolve("src"), graph());
    ByName javac =
        ByName.compile(
            new RevisionProcessor(),
            List.of(OPTION),
            dir.resolve("none"),
            List.of(),
            files,
            dir.resolve("javac"));
    GradleLike gradle = new GradleLike(new RevisionProcessor());

    ByName wrapped =
        ByName.compile(
            gradle,
            List.of(OPTION, "-sourcepath", ""),
            dir.resolve("none"),
            List.of(),
            files,
            dir.resolve("gradle"));

    assertThat(gradle.treesRefused()).isTrue();
    assertThat(wrapped.success()).isTrue();
    assertThat(wrapped.warnings()).isEmpty();
    assertThat(wrapped.generated("p/Migrations.java"))
        .isEqualTo(javac.generated("p/Migrations.java"));
    assertThat(javac.generated("p/Migrations.java")).contains("\"p.AddEmail\", \"v2:");
  }

  /**
   * On an incremental compile Gradle passes the revisions that did not change by name, read from
   * class files: their source is found on the source path, which the build must then give javac
   * (Gradle's default is an empty one; without it they get a NoChecksum warning).
   */
  @Test
  void incrementalBuildKeepsTheChecksumsOfRevisionsPassedByName(@TempDir Path dir)
      throws IOException {
    List<Path> files = write(dir.resolve("src"), graph());
    ByName first =
        ByName.compile(
            new RevisionProcessor(),
            List.of(OPTION),
            dir.resolve("none"),
            List.of(),
            files,
            dir.resolve("first"));
    assertThat(first.success()).isTrue();
    String before = first.generated("p/Migrations.java");

    // AddEmail's SQL changes; Gradle recompiles it, deletes what the aggregating processor wrote,
    // and passes the other revisions by name, read from the earlier output.
    Path addEmail = dir.resolve("src/p/AddEmail.java");
    Files.writeString(
        addEmail, Files.readString(addEmail).replace("ADD COLUMN email", "ADD COLUMN mail"));
    Files.delete(dir.resolve("first/p/Migrations.class"));
    GradleLike gradle = new GradleLike(new RevisionProcessor());
    ByName incremental =
        ByName.compile(
            gradle,
            List.of(OPTION, "-sourcepath", dir.resolve("src").toString()),
            dir.resolve("first"),
            List.of("p.CreateUsers", "p.AddPhone"),
            List.of(addEmail),
            dir.resolve("second"));
    ByName full =
        ByName.compile(
            new RevisionProcessor(),
            List.of(OPTION),
            dir.resolve("none"),
            List.of(),
            files,
            dir.resolve("full"));

    assertThat(gradle.treesRefused()).isTrue();
    assertThat(incremental.success()).isTrue();
    assertThat(incremental.warnings()).isEmpty();
    String after = incremental.generated("p/Migrations.java");
    assertThat(after).isEqualTo(full.generated("p/Migrations.java"));
    assertThat(checksum(after, "p.CreateUsers")).isEqualTo(checksum(before, "p.CreateUsers"));
    assertThat(checksum(after, "p.AddPhone")).isEqualTo(checksum(before, "p.AddPhone"));
    assertThat(checksum(after, "p.AddEmail")).isNotEqualTo(checksum(before, "p.AddEmail"));
  }

  /**
   * Without a source path, the revisions passed by name keep the checksums that the metadata of the
   * earlier compile records, when that metadata class is still on the class path.
   */
  @Test
  void incrementalBuildWithoutASourcePathKeepsTheChecksumsTheMetadataRecords(@TempDir Path dir)
      throws IOException {
    List<Path> files = write(dir.resolve("src"), graph());
    ByName first =
        ByName.compile(
            new RevisionProcessor(),
            List.of(OPTION),
            dir.resolve("none"),
            List.of(),
            files,
            dir.resolve("first"));
    assertThat(first.success()).isTrue();
    Path addEmail = dir.resolve("src/p/AddEmail.java");
    Files.writeString(
        addEmail, Files.readString(addEmail).replace("ADD COLUMN email", "ADD COLUMN mail"));
    Files.delete(dir.resolve("first/p/Migrations.class"));

    ByName incremental =
        ByName.compile(
            new GradleLike(new RevisionProcessor()),
            List.of(OPTION, "-sourcepath", ""),
            dir.resolve("first"),
            List.of("p.CreateUsers", "p.AddPhone"),
            List.of(addEmail),
            dir.resolve("second"));
    ByName full =
        ByName.compile(
            new RevisionProcessor(),
            List.of(OPTION),
            dir.resolve("none"),
            List.of(),
            files,
            dir.resolve("full"));

    assertThat(incremental.success()).isTrue();
    assertThat(incremental.warnings()).isEmpty();
    assertThat(incremental.generated("p/Migrations.java"))
        .isEqualTo(full.generated("p/Migrations.java"));
  }

  private static List<JavaFileObject> graph() {
    return List.of(
        migration("p.CreateUsers", "a1", "", "CREATE TABLE users (id INTEGER)"),
        migration("p.AddEmail", "b2", "a1", "ALTER TABLE users ADD COLUMN email TEXT"),
        migration("p.AddPhone", "c3", "b2", "ALTER TABLE users ADD COLUMN phone TEXT"));
  }

  private static JavaFileObject migration(String name, String id, String revises, String sql) {
    String simple = name.substring(name.indexOf('.') + 1);
    return Fixtures.source(
        name,
        """
        package p;

        import dev.retort.*;

        @Revision(id = "%s", revises = {%s})
        public class %s implements Migration {
          public void upgrade(MigrationContext ctx) throws Exception {
            ctx.execute("%s");
          }

          public void downgrade(MigrationContext ctx) {}
        }
        """
            .formatted(id, revises.isEmpty() ? "" : Fixtures.quoted(revises), simple, sql));
  }

  private static List<Path> write(Path src, List<JavaFileObject> sources) throws IOException {
    List<Path> files = new ArrayList<>();
    for (JavaFileObject source : sources) {
      Path file = src.resolve(Ecj.relativePath(source));
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getCharContent(true));
      files.add(file);
    }
    return files;
  }

  private static String checksum(String registry, String className) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(className) + "\", \"([^\"]*)\"").matcher(registry);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
