package dev.retort.processor.compilers;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.processor.ByName;
import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    List<Path> files = UsersGraph.write(dir.resolve("src"));
    ByName javac = javac(files, dir.resolve("javac"));
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
   * class files: their source is found on the source path, when the build gives javac one (Gradle's
   * default is an empty one).
   */
  @Test
  void incrementalBuildKeepsTheChecksumsOfRevisionsPassedByName(@TempDir Path dir)
      throws IOException {
    List<Path> files = UsersGraph.write(dir.resolve("src"));
    String before = javac(files, dir.resolve("first")).generated("p/Migrations.java");
    // The first compile's metadata class goes too: on the source path alone, the checksums hold.
    Files.delete(dir.resolve("first/dev/retort/aggregated/p_Migrations.class"));

    ByName incremental = incremental(dir, dir.resolve("src").toString());

    String after = incremental.generated("p/Migrations.java");
    assertThat(after).isEqualTo(javac(files, dir.resolve("full")).generated("p/Migrations.java"));
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
    List<Path> files = UsersGraph.write(dir.resolve("src"));
    javac(files, dir.resolve("first"));

    ByName incremental = incremental(dir, "");

    assertThat(incremental.generated("p/Migrations.java"))
        .isEqualTo(javac(files, dir.resolve("full")).generated("p/Migrations.java"));
  }

  /**
   * AddEmail's SQL changes; Gradle recompiles it, deletes the registry the aggregating processor
   * wrote, and passes the other revisions by name, read from the earlier output in {@code
   * dir/first}.
   */
  private static ByName incremental(Path dir, String sourcePath) throws IOException {
    Path addEmail =
        UsersGraph.edit(dir.resolve("src"), "AddEmail", "ADD COLUMN email", "ADD COLUMN mail");
    Files.delete(dir.resolve("first/p/Migrations.class"));
    GradleLike gradle = new GradleLike(new RevisionProcessor());
    ByName incremental =
        ByName.compile(
            gradle,
            List.of(OPTION, "-sourcepath", sourcePath),
            dir.resolve("first"),
            List.of("p.CreateUsers", "p.AddPhone"),
            List.of(addEmail),
            dir.resolve("second"));
    assertThat(gradle.treesRefused()).isTrue();
    assertThat(incremental.success()).isTrue();
    assertThat(incremental.warnings()).isEmpty();
    return incremental;
  }

  /** Plain javac on {@code files}, into {@code out}. */
  private static ByName javac(List<Path> files, Path out) {
    ByName javac =
        ByName.compile(
            new RevisionProcessor(),
            List.of(OPTION),
            out.resolveSibling("none"),
            List.of(),
            files,
            out);
    assertThat(javac.success()).isTrue();
    return javac;
  }

  private static String checksum(String registry, String className) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(className) + "\", \"([^\"]*)\"").matcher(registry);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
