package dev.retort.processor.generation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.processor.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The registry of {@link GoldenGraph}, byte for byte. */
class GoldenRegistryTest {

  private static final String GOLDEN = "/golden/RetortMigrations.java.golden";

  @Test
  void generatedRegistryMatchesTheGoldenFile() throws IOException {
    Compilation compilation =
        Fixtures.javac().compile(GoldenGraph.sources().toArray(new JavaFileObject[0]));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com.acme.db.RetortMigrations")
        .contentsAsUtf8String()
        .isEqualTo(golden());
  }

  /**
   * The checksums written in the golden file are not copied from the processor's output: each is
   * the SHA-256 of its class's text as the fixture spells it, from its first annotation to its
   * closing brace.
   */
  @Test
  void goldenChecksumsAreTheSha256OfEachClassText() throws IOException {
    String golden = golden();

    assertThat(golden)
        .contains(
            "\"com.acme.db.CreateUsers\", \""
                + sha256(GoldenGraph.topLevelClassText(GoldenGraph.CREATE_USERS))
                + "\"");
    assertThat(golden)
        .contains(
            "\"com.acme.db.AddEmailIndex\", \""
                + sha256(GoldenGraph.topLevelClassText(GoldenGraph.ADD_EMAIL_INDEX))
                + "\"");
    assertThat(golden)
        .contains(
            "\"com.acme.db.teams.CreateTeams\", \""
                + sha256(GoldenGraph.topLevelClassText(GoldenGraph.CREATE_TEAMS))
                + "\"");
    assertThat(golden)
        .contains(
            "\"com.acme.db.Cleanup$Merge\", \"" + sha256(GoldenGraph.mergeClassText()) + "\"");
  }

  @Test
  void checksumIgnoresLineEndings() {
    String windows = GoldenGraph.CREATE_USERS.replace("\n", "\r\n");

    Compilation compilation = Fixtures.compile(Fixtures.source("com.acme.db.CreateUsers", windows));

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .generatedSourceFile("com.acme.db.RetortMigrations")
        .contentsAsUtf8String()
        .contains(sha256(GoldenGraph.topLevelClassText(GoldenGraph.CREATE_USERS)));
  }

  @Test
  void checksumChangesWhenTheClassBodyChanges() {
    String edited =
        GoldenGraph.CREATE_USERS.replace("DROP TABLE users", "DROP TABLE users CASCADE");

    Compilation compilation = Fixtures.compile(Fixtures.source("com.acme.db.CreateUsers", edited));

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .generatedSourceFile("com.acme.db.RetortMigrations")
        .contentsAsUtf8String()
        .contains(sha256(GoldenGraph.topLevelClassText(edited)));
    assertThat(sha256(GoldenGraph.topLevelClassText(edited)))
        .isNotEqualTo(sha256(GoldenGraph.topLevelClassText(GoldenGraph.CREATE_USERS)));
  }

  private static String golden() throws IOException {
    try (InputStream in = GoldenRegistryTest.class.getResourceAsStream(GOLDEN)) {
      if (in == null) throw new AssertionError("missing test resource " + GOLDEN);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
