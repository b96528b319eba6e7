package dev.retort.processor.model;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexer behind checksums: what it keeps, what it drops, and where a type starts and ends. */
class JavaTokensTest {

  @Test
  void commentsAndWhitespaceAreDroppedAndEveryOtherTokenKept() {
    assertThat(JavaTokens.of("int /* size */ x=1 ;// set\n  x += 0x1F;"))
        .containsExactly("int", "x", "=", "1", ";", "x", "+=", "0x1F", ";")
        .inOrder();
  }

  @Test
  void literalsAreKeptVerbatimWithWhatLooksLikeComments() {
    assertThat(JavaTokens.of("s = \"a // b /* c */\\\"\" + 'x' + '\\'';"))
        .containsExactly("s", "=", "\"a // b /* c */\\\"\"", "+", "'x'", "+", "'\\''", ";")
        .inOrder();
  }

  @Test
  void textBlocksAreOneTokenWithTheirLayout() {
    String source = "String q = \"\"\"\n    SELECT 1 -- \"x\"\n    \"\"\";";

    assertThat(JavaTokens.of(source))
        .containsExactly("String", "q", "=", "\"\"\"\n    SELECT 1 -- \"x\"\n    \"\"\"", ";")
        .inOrder();
  }

  @Test
  void unicodeEscapesAreReadAsTheCharactersTheyStandFor() {
    assertThat(JavaTokens.of("char c = '\\u0041';")).isEqualTo(JavaTokens.of("char c = 'A';"));
    // An escaped backslash before 'u' is no escape.
    assertThat(JavaTokens.of("s = \"\\\\u0041\";")).contains("\"\\\\u0041\"");
  }

  @Test
  void operatorsAreReadLongestFirstSoThatSpacingThatChangesMeaningCounts() {
    assertThat(JavaTokens.of("a = j - --k;")).isNotEqualTo(JavaTokens.of("a = j-- - k;"));
    assertThat(JavaTokens.of("x -> x::y")).containsExactly("x", "->", "x", "::", "y").inOrder();
  }

  @Test
  void closingAngleBracketsAreSingleTokensHoweverTheyAreSpaced() {
    assertThat(JavaTokens.of("List<List<String>> x;"))
        .isEqualTo(JavaTokens.of("List<List<String> > x;"));
  }

  @Test
  void numbersKeepTheirExponents() {
    assertThat(JavaTokens.of("d = 1.5e-3 + 0x1p+3 - .5f;"))
        .containsExactly("d", "=", "1.5e-3", "+", "0x1p+3", "-", ".5f", ";")
        .inOrder();
  }

  @Test
  void aNestedTypeSpansFromItsFirstAnnotationToItsClosingBrace() {
    List<String> tokens =
        JavaTokens.of(
            """
            package p;
            /** outer */
            public final class Outer {
              static Class<?> c = Inner.class;
              /** inner */
              @Irreversible("x") @dev.retort.Revision(id = "a", revises = {"b", "c"})
              public static final class Inner implements Migration {
                void f() { new Object() { }; }
              }
              int after;
            }
            """);

    assertThat(String.join(" ", TypeSpan.of(tokens, List.of("Outer", "Inner")).orElseThrow()))
        .isEqualTo(
            "@ Irreversible ( \"x\" ) @ dev . retort . Revision ( id = \"a\" , revises = { \"b\" ,"
                + " \"c\" } ) public static final class Inner implements Migration { void f ( ) {"
                + " new Object ( ) { } ; } }");
    assertThat(TypeSpan.of(tokens, List.of("Outer", "Missing"))).isEmpty();
  }

  @Test
  void aRecordSpansItsHeaderAndBody() {
    List<String> tokens =
        JavaTokens.of("package p; @Revision(id = \"a\") public record R(int x) implements M { }");

    assertThat(TypeSpan.of(tokens, List.of("R")).orElseThrow())
        .containsExactly(
            "@",
            "Revision",
            "(",
            "id",
            "=",
            "\"a\"",
            ")",
            "public",
            "record",
            "R",
            "(",
            "int",
            "x",
            ")",
            "implements",
            "M",
            "{",
            "}")
        .inOrder();
  }
}
