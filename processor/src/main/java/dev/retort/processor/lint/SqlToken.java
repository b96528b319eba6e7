package dev.retort.processor.lint;

/**
 * A token of a SQL statement.
 *
 * @param kind what it is
 * @param text a word as written, the content of a string or a quoted identifier, or one symbol
 */
record SqlToken(Kind kind, String text) {

  enum Kind {
    WORD,
    QUOTED,
    STRING,
    SYMBOL
  }

  /** Whether this is the keyword or symbol {@code word}, in any case. */
  boolean is(String word) {
    return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
  }

  /** The name this token stands for: folded to lower case unless quoted. */
  String name() {
    return kind == Kind.QUOTED ? text : SqlLexer.fold(text);
  }
}
