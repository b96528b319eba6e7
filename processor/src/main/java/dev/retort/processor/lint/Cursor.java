package dev.retort.processor.lint;

import java.util.ArrayList;
import java.util.List;

/** Reads a statement's tokens from left to right. */
final class Cursor {

  private final List<SqlToken> tokens;
  private int at;

  Cursor(List<SqlToken> tokens) {
    this.tokens = tokens;
  }

  /** Consumes {@code words} if the tokens continue with them, in any case. */
  boolean accept(String... words) {
    if (at + words.length > tokens.size()) return false;
    for (int i = 0; i < words.length; i++) {
      if (!tokens.get(at + i).is(words[i])) return false;
    }
    at += words.length;
    return true;
  }

  /** Whether the tokens continue with {@code word}, without consuming it. */
  boolean sees(String word) {
    return at < tokens.size() && tokens.get(at).is(word);
  }

  boolean atEnd() {
    return at >= tokens.size();
  }

  /**
   * A possibly schema-qualified name, as its last part: objects are told apart by name within the
   * revision, whose statements usually leave the schema to the search path.
   */
  String name() {
    String name = "";
    while (at < tokens.size()) {
      name = tokens.get(at++).name();
      if (!accept(".")) break;
    }
    return name;
  }

  /** Whether {@code word} comes anywhere in the rest of the statement, outside parentheses too. */
  boolean restHas(String... words) {
    for (int i = at; i + words.length <= tokens.size(); i++) {
      boolean all = true;
      for (int j = 0; j < words.length && all; j++) all = tokens.get(i + j).is(words[j]);
      if (all) return true;
    }
    return false;
  }

  /** Consumes the tokens up to and including {@code word}, if it comes. */
  void skipPast(String word) {
    for (int i = at; i < tokens.size(); i++) {
      if (tokens.get(i).is(word)) {
        at = i + 1;
        return;
      }
    }
  }

  /** The word after {@code word} in the rest of the statement, or empty. */
  String after(String word) {
    for (int i = at; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).is(word)) return tokens.get(i + 1).name();
    }
    return "";
  }

  /**
   * The rest of the statement split at commas outside parentheses: the actions of an {@code ALTER
   * TABLE}.
   */
  List<Cursor> splitAtCommas() {
    List<Cursor> parts = new ArrayList<>();
    int depth = 0;
    int start = at;
    for (int i = at; i <= tokens.size(); i++) {
      SqlToken t = i < tokens.size() ? tokens.get(i) : null;
      if (t == null || (depth == 0 && t.is(","))) {
        parts.add(new Cursor(tokens.subList(start, i)));
        start = i + 1;
      } else if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      }
    }
    at = tokens.size();
    return parts;
  }
}
