package dev.retort.processor.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The checksum of a class's code: {@value #PREFIX} and the first 61 lower-case hex digits of the
 * SHA-256 of the class's tokens ({@link JavaTokens}) from its first annotation or modifier to its
 * closing brace, one per line. Comments, whitespace and formatting do not count; any change to the
 * code or to a literal does. The tokens come from the processor's own lexer, so javac, the Eclipse
 * compiler and a build tool that wraps either give the same sum.
 *
 * <p>The prefix tells this kind from the first one (the 64 hex digits of the SHA-256 of the raw
 * text, never with a ':'), which registries compiled by Retort 0.1 hold; both are 64 characters,
 * the width of the history table's checksum column. Empty when the source cannot be read ({@link
 * SourceFiles}); the processor then warns that drift detection is off for the revision.
 */
final class SourceChecksum {

  /** What a checksum of this kind starts with. */
  static final String PREFIX = "v2:";

  /**
   * The hex digits of the SHA-256 kept: 61 of its 64 (244 bits), so that prefix and digits make the
   * 64 characters of the history table's checksum column, as a checksum of the first kind does.
   */
  private static final int HEX_DIGITS = 61;

  private final SourceFiles files;

  SourceChecksum(SourceFiles files) {
    this.files = files;
  }

  String of(TypeElement type) {
    return files
        .of(type)
        .flatMap(text -> TypeSpan.of(JavaTokens.of(text), names(type)))
        .map(SourceChecksum::checksum)
        .orElse("");
  }

  /** The checksum of a class's tokens. */
  static String checksum(List<String> tokens) {
    String hex = HexFormat.of().formatHex(sha256(String.join("\n", tokens)));
    return PREFIX + hex.substring(0, HEX_DIGITS);
  }

  /** The simple names from the outermost class to {@code type}. */
  private static List<String> names(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; !(e instanceof PackageElement); e = e.getEnclosingElement()) {
      names.add(0, e.getSimpleName().toString());
    }
    return names;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform has SHA-256", impossible);
    }
  }
}
