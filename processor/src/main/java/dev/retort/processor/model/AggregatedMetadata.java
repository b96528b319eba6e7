package dev.retort.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The metadata the processor leaves beside each registry, so that a later compilation sees the
 * revisions it does not compile: an IDE or a partial build compiles only what changed, with the
 * earlier output on the class path, and a downstream module has the upstream jar there. It is one
 * class per registry in {@value #PACKAGE}, a package of Retort's own that javac and the Eclipse
 * compiler list across the whole class path: constant fields {@value #REGISTRY_FIELD} (the
 * registry's name) and {@value #ROWS_FIELD}0, 1, ... (the revisions' rows, in pieces small enough
 * for the class file's constant pool). Constants need no annotation type of the API and are read
 * from class files by every compiler.
 *
 * <p>Each row is the registry's row ({@link RevisionModel#row()}) and the canonical class name,
 * fields separated by a tab, rows ended by a line feed; a backslash, tab or line feed in a value is
 * escaped with a backslash.
 */
public final class AggregatedMetadata {

  /** The package of the metadata classes. */
  public static final String PACKAGE = "dev.retort.aggregated";

  /** The constant holding the registry's qualified name. */
  public static final String REGISTRY_FIELD = "REGISTRY";

  /** The prefix of the constants holding the rows, numbered from 0. */
  public static final String ROWS_FIELD = "ROWS_";

  /** The values in a row: the registry's nine and the canonical class name. */
  static final int COLUMNS = 10;

  /** Characters per rows constant: at most 3 bytes each in the class file, under its 65,535. */
  private static final int PIECE = 20_000;

  private AggregatedMetadata() {}

  /**
   * The simple name of the metadata class of {@code registry}: its qualified name with {@code _}
   * doubled and {@code .} as {@code _}, so that two registries never share one.
   */
  public static String className(String registry) {
    return registry.replace("_", "__").replace('.', '_');
  }

  /** The rows of {@code revisions}, in pieces for the {@value #ROWS_FIELD} constants. */
  public static List<String> encode(List<RevisionModel> revisions) {
    StringBuilder text = new StringBuilder();
    for (RevisionModel r : revisions) {
      for (String value : r.row()) text.append(escape(value)).append('\t');
      text.append(escape(r.element().getQualifiedName().toString())).append('\n');
    }
    List<String> pieces = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int to = Math.min(text.length(), from + PIECE);
      // A surrogate pair stays in one piece: a lone half cannot be written to a source file.
      if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) to--;
      pieces.add(text.substring(from, to));
      from = to;
    }
    return pieces;
  }

  /** The rows in the joined pieces, each the registry's nine values and the canonical name. */
  static List<List<String>> decode(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char escaped = text.charAt(++i);
        value.append(escaped == 't' ? '\t' : escaped == 'n' ? '\n' : escaped);
      } else if (c == '\t' || c == '\n') {
        row.add(value.toString());
        value.setLength(0);
        if (c == '\n') {
          rows.add(List.copyOf(row));
          row.clear();
        }
      } else {
        value.append(c);
      }
    }
    return rows;
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }
}
