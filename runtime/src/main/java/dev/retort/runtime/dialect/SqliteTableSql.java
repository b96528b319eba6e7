package dev.retort.runtime.dialect;

import dev.retort.runtime.dialect.SqliteTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table's {@code CREATE TABLE} statement as SQLite keeps it, taken apart into its column
 * definitions and table constraints, each kept as written, so that a rebuild changes only what the
 * operation changes.
 */
final class SqliteTableSql {

  private static final Set<String> CONSTRAINT_STARTS =
      Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

  /** One element between the parentheses: a column definition or a table constraint. */
  record Element(String text, List<Token> tokens) {

    static Element of(String text) {
      return new Element(text.strip(), SqliteTokens.of(text.strip()));
    }

    boolean isColumn() {
      return CONSTRAINT_STARTS.stream().noneMatch(tokens.get(0)::is);
    }

    /** The column's name; for a constraint, its name after CONSTRAINT, or empty. */
    Optional<String> name() {
      if (isColumn()) return Optional.of(tokens.get(0).name());
      return tokens.get(0).is("CONSTRAINT") && tokens.size() > 1
          ? Optional.of(tokens.get(1).name())
          : Optional.empty();
    }

    /** Whether any token of this element names {@code column}. */
    boolean mentions(String column) {
      return tokens.stream().anyMatch(t -> t.names(column));
    }
  }

  private final String suffix;
  private final List<Element> elements;

  private SqliteTableSql(String suffix, List<Element> elements) {
    this.suffix = suffix;
    this.elements = elements;
  }

  /** {@code sql}, a {@code CREATE TABLE} statement from {@code sqlite_master}. */
  static SqliteTableSql parse(String sql) {
    List<Token> tokens = SqliteTokens.of(sql);
    int open = -1;
    int depth = 0;
    List<Integer> commas = new ArrayList<>();
    for (Token token : tokens) {
      if (token.is("(")) {
        if (depth++ == 0) open = token.start();
      } else if (token.is(")")) {
        if (--depth == 0) {
          commas.add(token.start());
          List<Element> elements = new ArrayList<>();
          int from = open + 1;
          for (int comma : commas) {
            elements.add(Element.of(sql.substring(from, comma)));
            from = comma + 1;
          }
          return new SqliteTableSql(sql.substring(token.end()), elements);
        }
      } else if (token.is(",") && depth == 1) {
        commas.add(token.start());
      }
    }
    throw new IllegalArgumentException("not a CREATE TABLE statement with columns: " + sql);
  }

  List<Element> elements() {
    return elements;
  }

  /** The column definitions' names, in order. */
  List<String> columns() {
    return elements.stream().filter(Element::isColumn).map(e -> e.name().orElseThrow()).toList();
  }

  /** The same table with {@code elements} instead. */
  SqliteTableSql with(List<Element> elements) {
    return new SqliteTableSql(suffix, List.copyOf(elements));
  }

  /** The statement that creates this table under the name {@code table} (quoted). */
  String createAs(String table) {
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (");
    for (int i = 0; i < elements.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(elements.get(i).text());
    }
    return sql.append(')').append(suffix).toString();
  }
}
