package dev.retort.runtime.engine;

import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.history.StoredRows;
import dev.retort.runtime.plan.VersionRows;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the version rows are ones Retort could have left and this application can move from: no
 * {@code NULL}, every row a revision it has, and no row an ancestor of another. A hand edit or
 * another tool can break each; the messages name the rows and the stamp that sets them right.
 */
final class RowChecks {

  private final Catalog catalog;

  RowChecks(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The rows, after every check: what an upgrade, downgrade or check plans from. */
  List<String> checked(StoredRows stored) {
    List<String> rows = known(nonNull(stored));
    List<String> redundant = redundant(rows);
    if (!redundant.isEmpty()) throw notMinimal(stored.table(), rows, redundant.get(0));
    return rows;
  }

  /** Whether {@link #checked} would pass, without asking why. */
  boolean sound(StoredRows stored) {
    return stored.nulls() == 0 && allKnown(stored.ids()) && redundant(stored.ids()).isEmpty();
  }

  /** The ids, after checking that no row is {@code NULL}; known or not. */
  List<String> nonNull(StoredRows stored) {
    if (stored.nulls() == 0) return stored.ids();
    throw new RetortException(
        ErrorCode.INVALID_VERSION_TABLE,
        "the version table "
            + stored.table()
            + " holds "
            + (stored.nulls() == 1 ? "a row" : stored.nulls() + " rows")
            + " whose version_num is NULL"
            + (stored.ids().isEmpty()
                ? ""
                : " (besides " + VersionRows.describe(stored.ids()) + ")")
            + ", which names no revision and which Retort never writes: the table was changed by"
            + " hand or by another tool; record the real state with 'stamp --purge REVISION',"
            + " which replaces every row");
  }

  /** {@code rows}, after checking that each is a revision of this application. */
  List<String> known(List<String> rows) {
    for (String row : rows) {
      if (catalog.find(row).isEmpty()) {
        throw new RetortException(
            ErrorCode.UNKNOWN_DATABASE_REVISION,
            "the database is at revision '"
                + row
                + "', which this application does not contain; run a build that has it, or if it"
                + " was removed on purpose, record the real state with 'stamp --purge <revision>'");
      }
    }
    return rows;
  }

  /** Whether every row is a revision of this application. */
  private boolean allKnown(List<String> rows) {
    return rows.stream().allMatch(row -> catalog.find(row).isPresent());
  }

  /** The rows, all known, that are an ancestor of another row, sorted. */
  private List<String> redundant(List<String> rows) {
    if (rows.size() < 2 || !allKnown(rows)) return List.of();
    List<String> redundant = new ArrayList<>(rows);
    redundant.removeAll(catalog.graph().minimalHeads(rows));
    return redundant;
  }

  private RetortException notMinimal(String table, List<String> rows, String ancestor) {
    RevisionGraph graph = catalog.graph();
    String descendant =
        rows.stream()
            .filter(row -> !row.equals(ancestor))
            .filter(row -> graph.ancestors(List.of(row)).contains(ancestor))
            .findFirst()
            .orElseThrow();
    return new RetortException(
        ErrorCode.INVALID_VERSION_TABLE,
        "the version table "
            + table
            + " holds '"
            + ancestor
            + "' and '"
            + descendant
            + "', but '"
            + ancestor
            + "' is an ancestor of '"
            + descendant
            + "', which Retort never leaves: the table was changed by hand or by another tool; if '"
            + descendant
            + "' is applied, 'stamp "
            + descendant
            + "' removes the row of '"
            + ancestor
            + "'; if not, record the real state with 'stamp --purge REVISION'");
  }
}
