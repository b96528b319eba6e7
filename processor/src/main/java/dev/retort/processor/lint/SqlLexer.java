package dev.retort.processor.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into statements of tokens, as PostgreSQL reads them: comments ({@code --} and
 * nested {@code /* *}{@code /}) are dropped, and string literals ({@code '...'}, {@code E'...'},
 * dollar-quoted {@code $tag$...$tag$}) and quoted identifiers ({@code "..."}) are single tokens, so
 * that a {@code ;} or a keyword inside them means nothing. The rules need the words of DDL
 * statements, not a syntax tree, so this lexer is all the parsing they do.
 */
final class SqlLexer {

  private final String sql;
  private int at;

  private SqlLexer(String sql) {
    this.sql = sql;
  }

  /** The statements of {@code sql}, each a non-empty list of tokens. */
  static List<List<SqlToken>> statements(String sql) {
    return new SqlLexer(sql).read();
  }

  private List<List<SqlToken>> read() {
    List<List<SqlToken>> statements = new ArrayList<>();
    List<SqlToken> current = new ArrayList<>();
    while (at < sql.length()) {
      char c = sql.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (sql.startsWith("--", at)) {
        int end = sql.indexOf('\n', at);
        at = end < 0 ? sql.length() : end;
      } else if (sql.startsWith("/*", at)) {
        skipBlockComment();
      } else if (c == ';') {
        at++;
        if (!current.isEmpty()) statements.add(current);
        current = new ArrayList<>();
      } else {
        current.add(token(c));
      }
    }
    if (!current.isEmpty()) statements.add(current);
    return statements;
  }

  private SqlToken token(char c) {
    int start = at;
    if (c == '\'') return new SqlToken(SqlToken.Kind.STRING, quoted('\'', false));
    if ((c == 'E' || c == 'e') && at + 1 < sql.length() && sql.charAt(at + 1) == '\'') {
      at++;
      return new SqlToken(SqlToken.Kind.STRING, quoted('\'', true));
    }
    if (c == '"') return new SqlToken(SqlToken.Kind.QUOTED, quoted('"', false));
    if (c == '$') {
      int close = sql.indexOf('$', at + 1);
      String tag = close < 0 ? "" : sql.substring(at, close + 1);
      if (close > 0 && isDollarTag(tag)) {
        int end = sql.indexOf(tag, close + 1);
        at = end < 0 ? sql.length() : end + tag.length();
        return new SqlToken(SqlToken.Kind.STRING, sql.substring(close + 1, end < 0 ? at : end));
      }
    }
    if (Character.isLetter(c) || c == '_') {
      at++;
      while (at < sql.length() && isWordPart(sql.charAt(at))) at++;
      return new SqlToken(SqlToken.Kind.WORD, sql.substring(start, at));
    }
    at++;
    return new SqlToken(SqlToken.Kind.SYMBOL, String.valueOf(c));
  }

  /** {@code $$} or {@code $tag$}, the tag an identifier without {@code $}. */
  private static boolean isDollarTag(String tag) {
    String inner = tag.substring(1, tag.length() - 1);
    if (!inner.isEmpty() && Character.isDigit(inner.charAt(0))) return false;
    return inner.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_');
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The text between {@code quote}s, a doubled quote standing for one. */
  private String quoted(char quote, boolean backslashEscapes) {
    StringBuilder text = new StringBuilder();
    at++;
    while (at < sql.length()) {
      char c = sql.charAt(at++);
      if (backslashEscapes && c == '\\' && at < sql.length()) {
        text.append(sql.charAt(at++));
      } else if (c == quote && at < sql.length() && sql.charAt(at) == quote) {
        text.append(quote);
        at++;
      } else if (c == quote) {
        return text.toString();
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private void skipBlockComment() {
    int depth = 0;
    while (at < sql.length()) {
      if (sql.startsWith("/*", at)) {
        depth++;
        at += 2;
      } else if (sql.startsWith("*/", at)) {
        depth--;
        at += 2;
        if (depth == 0) return;
      } else {
        at++;
      }
    }
  }

  /** Lower case for comparing unquoted names, which PostgreSQL folds to lower case. */
  static String fold(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
