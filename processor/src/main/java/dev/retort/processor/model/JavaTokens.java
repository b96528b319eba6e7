package dev.retort.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexer of Java source that keeps what the compiler reads and drops what it ignores: comments and
 * whitespace go, every other token stays, literals and text blocks verbatim. Two sources that
 * differ only in formatting and comments give the same tokens; a change to code or to a literal
 * changes them. It is the processor's own, so the tokens are the same under every compiler.
 *
 * <p>Unicode escapes are translated first and line terminators become {@code \n}, as the language
 * does before it reads tokens. Operators are read longest first, except {@code >}, which is always
 * a token of its own: {@code >>} closes two type arguments as often as it shifts, and a formatter
 * may write either {@code > >} or {@code >>} there.
 */
final class JavaTokens {

  /** Operators and separators of more than one character, longest first. */
  private static final String[] OPERATORS = {
    "<<=", "...", "->", "::", "++", "--", "&&", "||", "==", "!=", "<=", "+=", "-=", "*=", "/=",
    "&=", "|=", "^=", "%=", "<<"
  };

  private final String text;
  private int at;

  private JavaTokens(String text) {
    this.text = text;
  }

  /** The tokens of {@code source}, in order. */
  static List<String> of(CharSequence source) {
    return new JavaTokens(lineFeeds(unicodeEscapes(source))).read();
  }

  private List<String> read() {
    List<String> tokens = new ArrayList<>();
    while (at < text.length()) {
      char c = text.charAt(at);
      int start = at;
      if (c == ' ' || c == '\t' || c == '\f' || c == '\n') {
        at++;
        continue;
      } else if (text.startsWith("//", at)) {
        int end = text.indexOf('\n', at);
        at = end < 0 ? text.length() : end;
        continue;
      } else if (text.startsWith("/*", at)) {
        int end = text.indexOf("*/", at + 2);
        at = end < 0 ? text.length() : end + 2;
        continue;
      } else if (text.startsWith("\"\"\"", at)) {
        at = quoted(at + 3, "\"\"\"");
      } else if (c == '"' || c == '\'') {
        at = quoted(at + 1, String.valueOf(c));
      } else if (Character.isJavaIdentifierStart(c)) {
        while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) at++;
      } else if (isDigit(c)
          || (c == '.' && at + 1 < text.length() && isDigit(text.charAt(at + 1)))) {
        at = number(at);
      } else {
        at += operatorLength();
      }
      tokens.add(text.substring(start, at));
    }
    return tokens;
  }

  /** The end of a literal whose body starts at {@code from} and ends with {@code close}. */
  private int quoted(int from, String close) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '\\') {
        i += 2;
      } else if (text.startsWith(close, i)) {
        return i + close.length();
      } else {
        i++;
      }
    }
    return text.length();
  }

  /** The end of a number: digits, letters, '_', '.' and an exponent's sign. */
  private int number(int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean sign =
          (c == '+' || c == '-') && "eEpP".indexOf(text.charAt(i - 1)) >= 0 && !hex(from, i);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || sign) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /** Whether the number from {@code from} to {@code i} is hexadecimal and {@code i} no exponent. */
  private boolean hex(int from, int i) {
    boolean isHex = text.startsWith("0x", from) || text.startsWith("0X", from);
    return isHex && "pP".indexOf(text.charAt(i - 1)) < 0;
  }

  private int operatorLength() {
    for (String op : OPERATORS) {
      if (text.startsWith(op, at)) return op.length();
    }
    return 1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code \r\n} and {@code \r} as {@code \n}. */
  private static String lineFeeds(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** The text with its Unicode escapes ({@code \\u0041}) translated, as the language defines. */
  private static String unicodeEscapes(CharSequence source) {
    String text = source.toString();
    if (text.indexOf("\\u") < 0) return text;
    StringBuilder out = new StringBuilder(text.length());
    int backslashes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && backslashes % 2 == 0 && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) == 'u') j++;
        if (j + 4 <= text.length() && isHex(text, j)) {
          out.append((char) Integer.parseInt(text.substring(j, j + 4), 16));
          i = j + 3;
          backslashes = 0;
          continue;
        }
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isHex(String text, int from) {
    for (int k = from; k < from + 4; k++) {
      if (Character.digit(text.charAt(k), 16) < 0) return false;
    }
    return true;
  }
}
