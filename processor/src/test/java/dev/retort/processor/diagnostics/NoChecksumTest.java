package dev.retort.processor.diagnostics;

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
 * A revision whose source the processor cannot read gets no checksum, and a warning says that drift
 * detection is off for it. Such a revision is one a build passes by name, read from a class file,
 * with no source path that holds it.
 */
class NoChecksumTest {

  private static final String CREATE_USERS =
      """
      package p;

      import dev.retort.*;

      @Revision(id = "a1")
      public class CreateUsers implements Migration {
        public void upgrade(MigrationContext ctx) throws Exception {
          ctx.execute("CREATE TABLE users (id INTEGER)");
        }

        public void downgrade(MigrationContext ctx) throws Exception {
          ctx.execute("DROP TABLE users");
        }
      }
      """;

  private static final List<String> OPTIONS = List.of("-Aretort.registry=p.Migrations");

  @Test
  void revisionWithoutReadableSourceIsAWarningThatDriftDetectionIsOff(@TempDir Path dir)
      throws IOException {
    Path earlier = compiledEarlier(dir);

    ByName build =
        ByName.compile(
            new RevisionProcessor(),
            OPTIONS,
            earlier,
            List.of("p.CreateUsers"),
            List.of(),
            dir.resolve("out"));

    assertThat(build.success()).isTrue();
    assertThat(build.warnings())
        .containsExactly(
            "[Retort/NoChecksum] the source of revision 'a1' (p.CreateUsers) cannot be read in"
                + " this build, so the registry holds no checksum for it and drift detection is off"
                + " for it: a change to the class after it is applied will go unnoticed; compile it"
                + " from source, or put its source folder on the compiler's -sourcepath");
    assertThat(checksum(build.generated("p/Migrations.java"))).isEmpty();
  }

  @Test
  void withItsSourceOnTheSourcePathTheRevisionGetsTheChecksumOfItsSource(@TempDir Path dir)
      throws IOException {
    Path earlier = compiledEarlier(dir);
    ByName fromSource =
        ByName.compile(
            new RevisionProcessor(),
            OPTIONS,
            dir.resolve("none"),
            List.of(),
            List.of(dir.resolve("src/p/CreateUsers.java")),
            dir.resolve("fromSource"));

    ByName byName =
        ByName.compile(
            new RevisionProcessor(),
            List.of(OPTIONS.get(0), "-sourcepath", dir.resolve("src").toString()),
            earlier,
            List.of("p.CreateUsers"),
            List.of(),
            dir.resolve("out"));

    assertThat(byName.success()).isTrue();
    assertThat(byName.warnings()).isEmpty();
    assertThat(checksum(byName.generated("p/Migrations.java")))
        .isEqualTo(checksum(fromSource.generated("p/Migrations.java")));
    assertThat(checksum(fromSource.generated("p/Migrations.java"))).matches("v2:[0-9a-f]{61}");
  }

  /** The source in {@code dir/src}, compiled without the processor into {@code dir/earlier}. */
  private static Path compiledEarlier(Path dir) throws IOException {
    Path source = dir.resolve("src/p/CreateUsers.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, CREATE_USERS);
    Path earlier = dir.resolve("earlier");
    ByName.classes(List.of(source), earlier);
    return earlier;
  }

  private static String checksum(String registry) {
    Matcher m = Pattern.compile("\"p\\.CreateUsers\", \"([^\"]*)\"").matcher(registry);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
