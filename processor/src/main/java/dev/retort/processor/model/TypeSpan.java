package dev.retort.processor.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a class's own tokens in the tokens of its source file: from its first annotation or
 * modifier to its closing brace, for a top-level class or one nested in others. Works on tokens
 * alone, so that the same span comes out whichever compiler read the file.
 */
final class TypeSpan {

  private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");

  private static final Set<String> MODIFIERS =
      Set.of("public", "protected", "private", "static", "abstract", "final", "strictfp", "sealed");

  private final List<String> tokens;

  private TypeSpan(List<String> tokens) {
    this.tokens = tokens;
  }

  /**
   * The tokens of the type named {@code names} (outermost first, {@code ["Cleanup", "Merge"]}), or
   * empty when the tokens hold no such declaration.
   */
  static Optional<List<String>> of(List<String> tokens, List<String> names) {
    return new TypeSpan(tokens).find(names);
  }

  private Optional<List<String>> find(List<String> names) {
    int from = 0;
    int to = tokens.size();
    int start = -1;
    int end = -1;
    for (String name : names) {
      int keyword = declaration(name, from, to);
      if (keyword < 0) return Optional.empty();
      int open = bodyStart(keyword + 2, to);
      if (open < 0) return Optional.empty();
      int close = matching(open, to);
      if (close < 0) return Optional.empty();
      start = declarationStart(keyword, from);
      end = close;
      from = open + 1;
      to = close;
    }
    return Optional.of(tokens.subList(start, end + 1));
  }

  /** The index of the keyword declaring {@code name} directly in {@code [from, to)}, or -1. */
  private int declaration(String name, int from, int to) {
    int depth = 0;
    for (int i = from; i + 1 < to; i++) {
      String t = tokens.get(i);
      if (t.equals("{")) {
        depth++;
      } else if (t.equals("}")) {
        depth--;
      } else if (depth == 0
          && TYPE_KEYWORDS.contains(t)
          && tokens.get(i + 1).equals(name)
          && (i == 0 || !tokens.get(i - 1).equals("."))) {
        return i;
      }
    }
    return -1;
  }

  /** The body's opening brace after a type's name, past type parameters and a record header. */
  private int bodyStart(int from, int to) {
    for (int i = from; i < to; i++) {
      if (tokens.get(i).equals("{")) return i;
      if (tokens.get(i).equals("(")) {
        i = balancing(i, 1, to, "(", ")");
        if (i < 0) return -1;
      }
    }
    return -1;
  }

  private int matching(int open, int to) {
    return balancing(open, 1, to, "{", "}");
  }

  /**
   * The index of the token that balances the one at {@code at} ({@code open}), walking by {@code
   * step} up to {@code limit}, or -1.
   */
  private int balancing(int at, int step, int limit, String open, String close) {
    int depth = 0;
    for (int i = at; step > 0 ? i < limit : i >= limit; i += step) {
      String t = tokens.get(i);
      if (t.equals(open)) depth++;
      if (t.equals(close) && --depth == 0) return i;
    }
    return -1;
  }

  /** The first of the annotations and modifiers before {@code keyword}. */
  private int declarationStart(int keyword, int from) {
    int j = keyword - 1;
    while (j >= from) {
      String t = tokens.get(j);
      if (MODIFIERS.contains(t)) {
        // non-sealed is three tokens
        boolean nonSealed = t.equals("sealed") && j - 2 >= from && tokens.get(j - 1).equals("-");
        j -= nonSealed ? 3 : 1;
        continue;
      }
      int nameEnd = j;
      if (t.equals(")")) {
        nameEnd = balancing(j, -1, from, ")", "(") - 1;
        if (nameEnd < from) break;
      }
      int at = annotationSign(nameEnd, from);
      if (at < 0) break;
      j = at - 1;
    }
    return j + 1;
  }

  /** The '@' of an annotation whose (qualified) name ends at {@code nameEnd}, or -1. */
  private int annotationSign(int nameEnd, int from) {
    int i = nameEnd;
    while (i >= from && isIdentifier(tokens.get(i))) {
      if (i - 1 >= from && tokens.get(i - 1).equals("@")) return i - 1;
      if (i - 2 >= from && tokens.get(i - 1).equals(".")) {
        i -= 2;
      } else {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isIdentifier(String token) {
    return Character.isJavaIdentifierStart(token.charAt(0));
  }
}
