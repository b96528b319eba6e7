package dev.retort.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Draws a revision graph in the terminal the way {@code git log --graph} does: one column per line
 * of descent, {@code *} for a revision, {@code |} {@code /} {@code \} for the edges between them.
 * Column {@code c} is drawn at character {@code 2c}; an edge moves at most one column per row, so a
 * longer move takes several rows.
 */
final class AsciiGraph {

  private final List<String> lines = new ArrayList<>();

  /** The revision each column is heading down to; null for a column kept free for a moment. */
  private List<String> columns = new ArrayList<>();

  /** The column a base just freed without any row below it, or -1. */
  private int freed = -1;

  private AsciiGraph() {}

  /**
   * The drawing.
   *
   * @param order the revisions, in drawing order ({@link GraphOrder})
   * @param parents what each revision revises, restricted to the drawn revisions; these are the
   *     edges drawn
   * @param text the text after each revision's {@code *}
   */
  static List<String> draw(
      List<String> order, Map<String, List<String>> parents, Function<String, String> text) {
    AsciiGraph graph = new AsciiGraph();
    for (String id : order) {
      graph.node(id, parents.get(id), text.apply(id));
    }
    return graph.lines;
  }

  private void node(String id, List<String> parents, String text) {
    int column = columns.indexOf(id);
    if (column < 0) {
      if (freed == columns.size()) {
        // A new line of descent would continue the column of the base just drawn, as if it
        // revised it: a row without that column keeps them apart.
        lines.add(trim(edgeRow()));
      }
      columns.add(id);
      column = columns.size() - 1;
    } else if (columns.lastIndexOf(id) != column) {
      collapse(id, column);
    }
    int fan = parents.size();
    if (fan > 2) makeRoom(column, fan - 2);
    lines.add(nodeRow(column, fan) + " " + text);
    // Where each edge below this row starts and ends: the parents leave from the revision (or
    // from the bar of an octopus merge), the other columns from where they are.
    List<String> after = new ArrayList<>(columns.subList(0, column));
    List<int[]> moves = new ArrayList<>();
    for (int i = 0; i < column; i++) moves.add(new int[] {i, i});
    for (int j = 0; j < fan; j++) {
      moves.add(new int[] {column + Math.max(0, j - 1), after.size()});
      after.add(parents.get(j));
    }
    for (int i = column + 1; i < columns.size(); i++) {
      if (columns.get(i) == null) continue;
      moves.add(new int[] {i, after.size()});
      after.add(columns.get(i));
    }
    columns = after;
    boolean moved = transition(moves);
    freed = fan == 0 && !moved ? column : -1;
  }

  /** Joins the other columns that lead to {@code id} into its first one, {@code column}. */
  private void collapse(String id, int column) {
    List<String> after = new ArrayList<>();
    List<int[]> moves = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String target = columns.get(i);
      if (id.equals(target) && i != column) {
        moves.add(new int[] {i, column});
      } else {
        moves.add(new int[] {i, after.size()});
        after.add(target);
      }
    }
    transition(moves);
    columns = after;
  }

  /** Moves the columns right of {@code column} over by {@code width} for an octopus merge's bar. */
  private void makeRoom(int column, int width) {
    List<String> after = new ArrayList<>(columns.subList(0, column + 1));
    for (int i = 0; i < width; i++) after.add(null);
    List<int[]> moves = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      moves.add(new int[] {i, i <= column ? i : i + width});
    }
    after.addAll(columns.subList(column + 1, columns.size()));
    transition(moves);
    columns = after;
  }

  /** The revision's row: {@code *} in its column, {@code -.} bars for the extra merge parents. */
  private String nodeRow(int column, int fan) {
    char[] row = blank(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) != null) row[2 * i] = i == column ? '*' : '|';
    }
    if (fan > 2) {
      int end = 2 * (column + fan - 2);
      for (int c = 2 * column + 1; c < end; c++) row[c] = '-';
      row[end] = '.';
    }
    return trim(row);
  }

  /**
   * Rows that move each edge {from, to} one column per row until all have arrived.
   *
   * @return whether any row was drawn
   */
  private boolean transition(List<int[]> moves) {
    int width = 0;
    for (int[] move : moves) width = Math.max(width, Math.max(move[0], move[1]) + 1);
    boolean drawn = false;
    while (moves.stream().anyMatch(m -> m[0] != m[1])) {
      char[] row = blank(width);
      for (int[] move : moves) {
        if (move[0] == move[1]) {
          row[2 * move[0]] = '|';
        } else if (move[1] < move[0]) {
          row[2 * move[0] - 1] = '/';
          move[0]--;
        } else {
          row[2 * move[0] + 1] = '\\';
          move[0]++;
        }
      }
      lines.add(trim(row));
      drawn = true;
    }
    return drawn;
  }

  /** A row with an edge in every column. */
  private char[] edgeRow() {
    char[] row = blank(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) != null) row[2 * i] = '|';
    }
    return row;
  }

  private static char[] blank(int columns) {
    char[] row = new char[Math.max(1, 2 * columns)];
    Arrays.fill(row, ' ');
    return row;
  }

  private static String trim(char[] row) {
    return new String(row).stripTrailing();
  }
}
