package dev.retort.runtime.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLite's tokens, enough to take a {@code CREATE TABLE} statement apart without changing a
 * character of what stays: words, quoted names, string literals, numbers and punctuation, with
 * their places in the text; whitespace and comments are skipped.
 */
final class SqliteTokens {

  /** One token: its text and where it is in the statement. */
  record Token(String text, int start, int end) {

    /** Whether this is the word {@code keyword}, in any case. */
    boolean is(String keyword) {
      return text.equalsIgnoreCase(keyword);
    }

    /** The name this token spells: unquoted, or as written for a word. */
    String name() {
      char first = text.charAt(0);
      if (first == '"' || first == '`') {
        return text.substring(1, text.length() - 1).replace("" + first + first, "" + first);
      }
      if (first == '[') return text.substring(1, text.length() - 1);
      return text;
    }

    /** Whether this token names {@code name}, as SQLite compares names (ASCII case folded). */
    boolean names(String name) {
      return name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }
  }

  private SqliteTokens() {}

  /** The tokens of {@code sql}. */
  static List<Token> of(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') i++;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        i = closing(sql, i, c);
      } else if (c == '[') {
        int close = sql.indexOf(']', i);
        i = close < 0 ? n : close + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i)) || "_$.".indexOf(sql.charAt(i)) >= 0)) {
          i++;
        }
      } else {
        i++;
      }
      tokens.add(new Token(sql.substring(start, i), start, i));
    }
    return tokens;
  }

  /** The index after the quote that closes the one at {@code open}; a doubled quote is text. */
  private static int closing(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
