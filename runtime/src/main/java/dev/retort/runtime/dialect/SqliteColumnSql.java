package dev.retort.runtime.dialect;

import dev.retort.runtime.dialect.SqliteTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One column definition of a {@code CREATE TABLE} statement, as its name, its type and its clauses
 * ({@code NOT NULL}, {@code DEFAULT ...}, {@code REFERENCES ...}), each kept as written, so that
 * one can be replaced and the rest stay.
 */
final class SqliteColumnSql {

  /** The words that start a column constraint, unless the word before makes them part of one. */
  private static final Set<String> CLAUSE_STARTS =
      Set.of(
          "CONSTRAINT",
          "PRIMARY",
          "NOT",
          "NULL",
          "UNIQUE",
          "CHECK",
          "DEFAULT",
          "COLLATE",
          "REFERENCES",
          "GENERATED",
          "AS");

  private final String name;
  private final String type;
  private final List<List<Token>> clauses;
  private final String source;
  private final boolean changed;

  private SqliteColumnSql(
      String name, String type, List<List<Token>> clauses, String source, boolean changed) {
    this.name = name;
    this.type = type;
    this.clauses = clauses;
    this.source = source;
    this.changed = changed;
  }

  private SqliteColumnSql changed(String name, String type, List<List<Token>> clauses) {
    return new SqliteColumnSql(name, type, clauses, source, true);
  }

  /** The column defined by {@code text}. */
  static SqliteColumnSql parse(String text) {
    List<Token> tokens = SqliteTokens.of(text);
    int i = 1;
    int depth = 0;
    while (i < tokens.size() && (depth > 0 || !startsClause(tokens, i))) {
      if (tokens.get(i).is("(")) depth++;
      if (tokens.get(i).is(")")) depth--;
      i++;
    }
    String type = i == 1 ? "" : text.substring(tokens.get(1).start(), tokens.get(i - 1).end());
    List<List<Token>> clauses = new ArrayList<>();
    for (; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (depth == 0 && startsClause(tokens, i) && !continuesConstraintName(clauses)) {
        clauses.add(new ArrayList<>());
      }
      if (token.is("(")) depth++;
      if (token.is(")")) depth--;
      clauses.get(clauses.size() - 1).add(token);
    }
    return new SqliteColumnSql(text.substring(0, tokens.get(0).end()), type, clauses, text, false);
  }

  private static boolean startsClause(List<Token> tokens, int i) {
    Token token = tokens.get(i);
    if (CLAUSE_STARTS.stream().noneMatch(token::is)) return false;
    Token before = tokens.get(i - 1);
    // NOT NULL, SET NULL, SET DEFAULT, ON CONFLICT ... stay one clause
    return !((token.is("NULL") && (before.is("NOT") || before.is("SET")))
        || (token.is("DEFAULT") && before.is("SET")));
  }

  /** Whether the clause so far is {@code CONSTRAINT name}: its constraint follows in it. */
  private static boolean continuesConstraintName(List<List<Token>> clauses) {
    if (clauses.isEmpty()) return false;
    List<Token> last = clauses.get(clauses.size() - 1);
    return last.size() == 2 && last.get(0).is("CONSTRAINT");
  }

  /** The type as written, which may be empty. */
  String type() {
    return type;
  }

  /** The definition with {@code newType} for its type. */
  SqliteColumnSql withType(String newType) {
    return changed(name, newType, clauses);
  }

  /** The definition named {@code newName} (quoted as needed). */
  SqliteColumnSql withName(String newName) {
    return changed(newName, type, clauses);
  }

  /** The definition with its NULL / NOT NULL clause replaced: NOT NULL when {@code notNull}. */
  SqliteColumnSql withNotNull(boolean notNull) {
    List<List<Token>> kept =
        without(
            c ->
                first(c).is("NULL")
                    || (first(c).is("NOT")
                        && c.size() > offset(c) + 1
                        && c.get(offset(c) + 1).is("NULL")));
    return changed(name, type, kept).plus(notNull ? "NOT NULL" : null);
  }

  /** The definition with its DEFAULT clause replaced by {@code clause}, or removed for null. */
  SqliteColumnSql withDefault(String clause) {
    return changed(name, type, without(c -> first(c).is("DEFAULT"))).plus(clause);
  }

  /** The definition without the constraint named {@code constraint}; the same if it has none. */
  SqliteColumnSql withoutConstraint(String constraint) {
    return changed(
        name,
        type,
        without(c -> c.get(0).is("CONSTRAINT") && c.size() > 1 && c.get(1).names(constraint)));
  }

  /** Whether it has a constraint named {@code constraint}. */
  boolean hasConstraint(String constraint) {
    return clauses.stream()
        .anyMatch(c -> c.get(0).is("CONSTRAINT") && c.size() > 1 && c.get(1).names(constraint));
  }

  private SqliteColumnSql plus(String clause) {
    if (clause == null) return this;
    List<List<Token>> more = new ArrayList<>(clauses);
    more.add(List.of(new Token(clause, -1, -1)));
    return changed(name, type, more);
  }

  private List<List<Token>> without(java.util.function.Predicate<List<Token>> drop) {
    return clauses.stream().filter(drop.negate()).toList();
  }

  /** The first token after a leading {@code CONSTRAINT name}. */
  private static Token first(List<Token> clause) {
    return clause.get(offset(clause));
  }

  private static int offset(List<Token> clause) {
    return clause.get(0).is("CONSTRAINT") && clause.size() > 2 ? 2 : 0;
  }

  /** The definition as SQL: its own text when unchanged; each kept clause as written. */
  String sql() {
    if (!changed) return source;
    StringBuilder sql = new StringBuilder(name);
    if (!type.isEmpty()) sql.append(' ').append(type);
    for (List<Token> clause : clauses) {
      Token first = clause.get(0);
      Token last = clause.get(clause.size() - 1);
      sql.append(' ')
          .append(first.start() < 0 ? first.text() : source.substring(first.start(), last.end()));
    }
    return sql.toString();
  }
}
