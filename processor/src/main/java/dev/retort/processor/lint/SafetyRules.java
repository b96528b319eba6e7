package dev.retort.processor.lint;

import dev.retort.processor.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The PostgreSQL safety checks of one revision's statements. Objects the revision creates itself
 * (tables, indexes, columns, in its upgrade or its downgrade) are new to the running application
 * and hold no rows it needs, so statements on them are not warned about.
 */
final class SafetyRules {

  /** The rules, by the {@link Message} each reports. */
  static final List<Message> RULES =
      List.of(
          Message.CONCURRENTLY_IN_TRANSACTION,
          Message.INDEX_WITHOUT_CONCURRENTLY,
          Message.NOT_NULL_WITHOUT_DEFAULT,
          Message.VOLATILE_DEFAULT,
          Message.COLUMN_TYPE,
          Message.SET_NOT_NULL,
          Message.CONSTRAINT_WITHOUT_NOT_VALID,
          Message.UNIQUE_CONSTRAINT,
          Message.RENAME,
          Message.DROP_COLUMN,
          Message.DROP_TABLE,
          Message.TRUNCATE);

  private static final Set<String> VOLATILE =
      Set.of("now", "random", "gen_random_uuid", "clock_timestamp");

  /** What a rule found: the rule and its text. */
  record Hit(Message rule, String text) {}

  private final boolean transactional;
  private final Set<String> created = new HashSet<>();

  /** The rules for a revision whose statements are {@code sql}. */
  SafetyRules(List<String> sql, boolean transactional) {
    this.transactional = transactional;
    for (String text : sql) {
      for (List<SqlToken> statement : SqlLexer.statements(text)) collectCreated(statement);
    }
  }

  private void collectCreated(List<SqlToken> statement) {
    Cursor c = new Cursor(statement);
    if (c.accept("CREATE")) {
      c.accept("UNIQUE");
      if (c.accept("INDEX")) {
        c.accept("CONCURRENTLY");
        c.accept("IF", "NOT", "EXISTS");
        if (!c.sees("ON")) created.add("index " + c.name());
        return;
      }
      for (String option : List.of("GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED")) {
        c.accept(option);
      }
      if (c.accept("TABLE")) {
        c.accept("IF", "NOT", "EXISTS");
        created.add("table " + c.name());
      }
    } else if (c.accept("ALTER", "TABLE")) {
      String table = alterTarget(c);
      for (Cursor action : c.splitAtCommas()) {
        if (action.accept("ADD") && !isConstraint(action)) {
          action.accept("COLUMN");
          action.accept("IF", "NOT", "EXISTS");
          created.add("column " + table + "." + action.name());
        }
      }
    }
  }

  /** The hits of one string passed to {@code execute}. */
  List<Hit> check(String sql) {
    List<Hit> hits = new ArrayList<>();
    for (List<SqlToken> statement : SqlLexer.statements(sql)) check(new Cursor(statement), hits);
    return hits;
  }

  private void check(Cursor c, List<Hit> hits) {
    if (c.accept("CREATE")) {
      c.accept("UNIQUE");
      if (c.accept("INDEX")) {
        boolean concurrently = c.accept("CONCURRENTLY");
        c.skipPast("ON");
        c.accept("ONLY");
        String table = c.name();
        index(hits, "CREATE INDEX", concurrently, isNew("table", table), "table '" + table + "'");
      }
    } else if (c.accept("DROP", "INDEX")) {
      boolean concurrently = c.accept("CONCURRENTLY");
      c.accept("IF", "EXISTS");
      String index = c.name();
      index(
          hits,
          "DROP INDEX",
          concurrently,
          isNew("index", index),
          "the table of index '" + index + "'");
    } else if (c.accept("REINDEX")) {
      if (c.restHas("CONCURRENTLY") && transactional) {
        hits.add(hit(Message.CONCURRENTLY_IN_TRANSACTION, "REINDEX"));
      }
    } else if (c.accept("DROP", "TABLE")) {
      c.accept("IF", "EXISTS");
      for (Cursor name : c.splitAtCommas()) {
        String table = name.name();
        if (!isNew("table", table)) hits.add(hit(Message.DROP_TABLE, table));
      }
    } else if (c.accept("TRUNCATE")) {
      c.accept("TABLE");
      for (Cursor name : c.splitAtCommas()) {
        name.accept("ONLY");
        String table = name.name();
        if (!isNew("table", table)) hits.add(hit(Message.TRUNCATE, table));
      }
    } else if (c.accept("ALTER", "TABLE")) {
      String table = alterTarget(c);
      if (isNew("table", table)) return;
      for (Cursor action : c.splitAtCommas()) alterAction(table, action, hits);
    }
  }

  private void index(
      List<Hit> hits, String statement, boolean concurrently, boolean isNew, String locked) {
    if (concurrently && transactional) {
      hits.add(hit(Message.CONCURRENTLY_IN_TRANSACTION, statement));
    } else if (!concurrently && !isNew) {
      hits.add(hit(Message.INDEX_WITHOUT_CONCURRENTLY, statement, locked));
    }
  }

  private void alterAction(String table, Cursor a, List<Hit> hits) {
    if (a.accept("ADD")) {
      if (isConstraint(a)) {
        constraint(table, a, hits);
        return;
      }
      a.accept("COLUMN");
      a.accept("IF", "NOT", "EXISTS");
      String column = a.name();
      String defaultFunction = a.after("DEFAULT");
      if (a.restHas("NOT", "NULL") && !a.restHas("DEFAULT") && !a.restHas("GENERATED")) {
        hits.add(hit(Message.NOT_NULL_WITHOUT_DEFAULT, column, table));
      } else if (VOLATILE.contains(defaultFunction)) {
        hits.add(hit(Message.VOLATILE_DEFAULT, defaultFunction, column, table));
      }
    } else if (a.accept("ALTER")) {
      a.accept("COLUMN");
      String column = a.name();
      if (isNew("column", table + "." + column)) return;
      if (a.sees("TYPE") || a.restHas("SET", "DATA", "TYPE")) {
        hits.add(hit(Message.COLUMN_TYPE, column, table));
      } else if (a.accept("SET", "NOT", "NULL")) {
        hits.add(hit(Message.SET_NOT_NULL, column, table));
      }
    } else if (a.accept("DROP")) {
      if (a.sees("CONSTRAINT")) return;
      a.accept("COLUMN");
      a.accept("IF", "EXISTS");
      String column = a.name();
      if (!isNew("column", table + "." + column)) {
        hits.add(hit(Message.DROP_COLUMN, column, table));
      }
    } else if (a.accept("RENAME")) {
      if (a.accept("TO")) {
        hits.add(hit(Message.RENAME, "table '" + table + "'"));
      } else if (!a.sees("CONSTRAINT")) {
        a.accept("COLUMN");
        hits.add(hit(Message.RENAME, "column '" + a.name() + "' of table '" + table + "'"));
      }
    }
  }

  private static void constraint(String table, Cursor a, List<Hit> hits) {
    if (a.accept("CONSTRAINT")) a.name();
    if (a.sees("FOREIGN") || a.sees("CHECK")) {
      String kind = a.sees("FOREIGN") ? "FOREIGN KEY" : "CHECK";
      if (!a.restHas("NOT", "VALID")) {
        hits.add(hit(Message.CONSTRAINT_WITHOUT_NOT_VALID, kind, table));
      }
    } else if ((a.sees("PRIMARY") || a.sees("UNIQUE")) && !a.restHas("USING", "INDEX")) {
      String kind = a.sees("PRIMARY") ? "PRIMARY KEY" : "UNIQUE";
      hits.add(hit(Message.UNIQUE_CONSTRAINT, kind, table));
    }
  }

  /** Whether an {@code ADD} adds a table constraint rather than a column. */
  private static boolean isConstraint(Cursor a) {
    for (String word : List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE")) {
      if (a.sees(word)) return true;
    }
    return false;
  }

  /** The table an {@code ALTER TABLE} changes, after its options. */
  private static String alterTarget(Cursor c) {
    c.accept("IF", "EXISTS");
    c.accept("ONLY");
    return c.name();
  }

  private boolean isNew(String kind, String name) {
    return created.contains(kind + " " + name);
  }

  private static Hit hit(Message rule, Object... args) {
    return new Hit(rule, rule.format(args));
  }
}
