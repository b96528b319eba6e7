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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The registry of {@link GoldenGraph}, byte for byte, and what its checksums cover. */
class GoldenRegistryTest {

  private static final String GOLDEN = "/golden/RetortMigrations.java.golden";

  private static final String NO_LINT = "-Aretort.lint=off";

  @Test
  void generatedRegistryMatchesTheGoldenFile() throws IOException {
    // The graph drops a table on purpose; the safety checks have tests of their own.
    Compilation compilation =
        Fixtures.compile(List.of(NO_LINT), GoldenGraph.sources().toArray(new JavaFileObject[0]));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com.acme.db.RetortMigrations")
        .contentsAsUtf8String()
        .isEqualTo(golden());
  }

  /**
   * The checksums written in the golden file are not copied from the processor's output: each is
   * worked out here, with a tokenizer of the test's own that is enough for these comment-free
   * classes, from the class's text as the fixture spells it, first annotation to closing brace.
   */
  @Test
  void goldenChecksumsAreTheSha256OfEachClasssTokens() throws IOException {
    String golden = golden();

    assertThat(golden)
        .contains(
            "\"com.acme.db.CreateUsers\", \""
                + expected(GoldenGraph.topLevelClassText(GoldenGraph.CREATE_USERS))
                + "\"");
    assertThat(golden)
        .contains(
            "\"com.acme.db.AddEmailIndex\", \""
                + expected(GoldenGraph.topLevelClassText(GoldenGraph.ADD_EMAIL_INDEX))
                + "\"");
    assertThat(golden)
        .contains(
            "\"com.acme.db.teams.CreateTeams\", \""
                + expected(GoldenGraph.topLevelClassText(GoldenGraph.CREATE_TEAMS))
                + "\"");
    assertThat(golden)
        .contains(
            "\"com.acme.db.Cleanup$Merge\", \"" + expected(GoldenGraph.mergeClassText()) + "\"");
  }

  @Test
  void checksumIgnoresLineEndings() {
    String windows = GoldenGraph.CREATE_USERS.replace("\n", "\r\n");

    assertThat(checksumOf(windows)).isEqualTo(checksumOf(GoldenGraph.CREATE_USERS));
  }

  @Test
  void checksumIgnoresFormattingAndComments() {
    // What a formatter run and a reviewer's comments do to CreateUsers: nothing that counts.
    String reformatted =
        """
        package com.acme.db;

        import dev.retort.Migration;
        import dev.retort.MigrationContext;
        import dev.retort.Revision;

        /**
         * Creates the users table. (A new Javadoc.)
         */
        @Revision(id = "a1f3",
                  description = "create users")
        public class CreateUsers
            implements Migration
        {
        \t@Override public void upgrade( MigrationContext ctx ) throws Exception
        \t{
        \t\t// the first table of all
        \t\tctx.execute( "CREATE TABLE users (id INTEGER PRIMARY KEY)" ) ;   /* trailing */
        \t}

          @Override
          public void downgrade(MigrationContext ctx)
              throws Exception {
            ctx.execute("DROP TABLE users");
          }
        }
        // the end
        """;

    assertThat(checksumOf(reformatted)).isEqualTo(checksumOf(GoldenGraph.CREATE_USERS));
  }

  @Test
  void checksumChangesWithOneCharacterOfTheSql() {
    String edited = GoldenGraph.CREATE_USERS.replace("DROP TABLE users", "DROP TABLE userz");

    assertThat(checksumOf(edited)).isNotEqualTo(checksumOf(GoldenGraph.CREATE_USERS));
  }

  @Test
  void checksumChangesWithWhitespaceInsideALiteral() {
    String edited = GoldenGraph.CREATE_USERS.replace("DROP TABLE users", "DROP TABLE  users");

    assertThat(checksumOf(edited)).isNotEqualTo(checksumOf(GoldenGraph.CREATE_USERS));
  }

  @Test
  void checksumChangesWithTheCode() {
    String edited =
        GoldenGraph.CREATE_USERS.replace(
            "ctx.execute(\"DROP TABLE users\");",
            "ctx.execute(\"DROP TABLE users\");\n    ctx.execute(\"DROP TABLE users\");");

    assertThat(checksumOf(edited)).isNotEqualTo(checksumOf(GoldenGraph.CREATE_USERS));
  }

  /** The checksum the processor writes for {@code com.acme.db.CreateUsers} spelt {@code source}. */
  private static String checksumOf(String source) {
    Compilation compilation =
        Fixtures.compile(List.of(NO_LINT), Fixtures.source("com.acme.db.CreateUsers", source));
    assertThat(compilation).succeededWithoutWarnings();
    String registry;
    try {
      registry =
          compilation
              .generatedSourceFile("com.acme.db.RetortMigrations")
              .orElseThrow()
              .getCharContent(false)
              .toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Matcher checksum =
        Pattern.compile("\"com\\.acme\\.db\\.CreateUsers\", \"(v2:[0-9a-f]{61})\"")
            .matcher(registry);
    assertThat(checksum.find()).isTrue();
    return checksum.group(1);
  }

  /** {@code v2:} and 61 hex digits of the SHA-256 of the text's tokens, one per line. */
  private static String expected(String classText) {
    Matcher token =
        Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_$][A-Za-z0-9_$]*|[0-9]+|\\S")
            .matcher(classText);
    List<String> tokens = new ArrayList<>();
    while (token.find()) tokens.add(token.group());
    return "v2:" + sha256(String.join("\n", tokens)).substring(0, 61);
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
