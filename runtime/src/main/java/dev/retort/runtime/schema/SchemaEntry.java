package dev.retort.runtime.schema;

import java.util.Comparator;
import java.util.List;

/**
 * One object of a schema as a snapshot holds it: a table, view or sequence ({@code owner} empty),
 * or a part of a table (a column, key, constraint or index; {@code owner} is the table's entry
 * name, such as {@code table users}).
 *
 * @param owner the name of the table entry this belongs to, or empty for a top-level object
 * @param name the kind and name, such as {@code column email} or {@code primary key}
 * @param definition what the object is, on one line, such as {@code varchar(200) NOT NULL}
 */
public record SchemaEntry(String owner, String name, String definition) {

  /** The parts of a table in the order a snapshot lists them; columns keep their table order. */
  private static final List<String> PART_ORDER =
      List.of("column ", "primary key", "unique ", "foreign key ", "check ", "index ");

  /** How a snapshot lists entries: by table, then parts by kind and name, columns as created. */
  public static final Comparator<SchemaEntry> ORDER =
      Comparator.comparing(SchemaEntry::topName)
          .thenComparing(e -> !e.owner.isEmpty())
          .thenComparing(SchemaEntry::partRank)
          .thenComparing(e -> e.name.startsWith("column ") ? "" : e.name);

  /** Whitespace runs (a view's definition spans lines) become one space. */
  public SchemaEntry {
    definition = definition.strip().replaceAll("\\s+", " ");
  }

  /** A top-level object. */
  public static SchemaEntry top(String name, String definition) {
    return new SchemaEntry("", name, definition);
  }

  /** A part of table {@code table}. */
  public static SchemaEntry part(String table, String name, String definition) {
    return new SchemaEntry("table " + table, name, definition);
  }

  /** Where the entry is, for messages: {@code table users, column email}. */
  public String path() {
    return owner.isEmpty() ? name : owner + ", " + name;
  }

  private String topName() {
    return owner.isEmpty() ? name : owner;
  }

  private int partRank() {
    for (int i = 0; i < PART_ORDER.size(); i++) {
      if (name.startsWith(PART_ORDER.get(i))) return i;
    }
    return PART_ORDER.size();
  }
}
