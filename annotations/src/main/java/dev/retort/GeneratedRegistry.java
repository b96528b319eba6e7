package dev.retort;

import java.util.List;
import java.util.function.IntFunction;

/**
 * What generated registries call to turn their data into {@link RevisionInfo}s. Generated code
 * holds only string literals and {@code new C()} calls, and reaches the API through the methods
 * here, so that a registry compiled by one Retort keeps loading with the API of any later one.
 *
 * <p>Each method is a version of the generated code's format and is never changed or removed once
 * released: when a registry needs to say more about a revision, a new method {@code v2} gets a new
 * layout, and {@code v1} goes on filling the new fields with their defaults. Not for hand-written
 * code, which can build {@link RevisionInfo}s directly.
 */
public final class GeneratedRegistry {

  /** The number of strings per revision in a {@link #v1} row. */
  private static final int V1_COLUMNS = 9;

  /** The flag of a transactional revision in a {@link #v1} row. */
  private static final char TRANSACTIONAL = 't';

  /** The flag of a reversible revision in a {@link #v1} row. */
  private static final char REVERSIBLE = 'r';

  private GeneratedRegistry() {}

  /**
   * The revisions of a registry written in the first format (Retort 0.1).
   *
   * <p>Each revision is a row of nine strings: id, revises, dependsOn, branchLabels, description,
   * flags, irreversibleReason, className, checksum. The three lists are joined by single spaces (no
   * id or label contains whitespace) and empty when they have no element; flags holds {@code 't'}
   * for transactional and {@code 'r'} for reversible. The rows follow one another in the arrays of
   * {@code rows}, in topological order; the split into several arrays only keeps each generated
   * method small and means nothing.
   *
   * @param rows the revisions' rows, in topological order
   * @param migrations creates the migration of the revision at an index of that order; called only
   *     when that revision runs, so that no migration class is loaded before
   * @return the revisions, unmodifiable
   * @throws IllegalArgumentException when an array does not hold whole rows
   */
  public static List<RevisionInfo> v1(String[][] rows, IntFunction<Migration> migrations) {
    int count = 0;
    for (String[] chunk : rows) {
      if (chunk.length % V1_COLUMNS != 0) {
        throw new IllegalArgumentException(
            "a registry row holds "
                + V1_COLUMNS
                + " strings; an array of "
                + chunk.length
                + " holds no whole number of rows");
      }
      count += chunk.length / V1_COLUMNS;
    }
    RevisionInfo[] all = new RevisionInfo[count];
    int index = 0;
    for (String[] chunk : rows) {
      for (int r = 0; r < chunk.length; r += V1_COLUMNS, index++) {
        all[index] = v1Row(chunk, r, new Indexed(migrations, index));
      }
    }
    return List.of(all);
  }

  private static RevisionInfo v1Row(String[] row, int at, MigrationFactory factory) {
    String flags = row[at + 5];
    return new RevisionInfo(
        row[at],
        ids(row[at + 1]),
        ids(row[at + 2]),
        ids(row[at + 3]),
        row[at + 4],
        flags.indexOf(TRANSACTIONAL) >= 0,
        flags.indexOf(REVERSIBLE) >= 0,
        row[at + 6],
        row[at + 7],
        row[at + 8],
        factory);
  }

  /** A list joined by single spaces. */
  private static List<String> ids(String joined) {
    if (joined.isEmpty()) return List.of();
    if (joined.indexOf(' ') < 0) return List.of(joined);
    return List.of(joined.split(" "));
  }

  /**
   * The factory of one revision: the registry's one creator and the revision's index. A class
   * rather than a lambda, so that a start does not pay for bootstrapping a lambda per registry.
   */
  private static final class Indexed implements MigrationFactory {
    private final IntFunction<Migration> migrations;
    private final int index;

    Indexed(IntFunction<Migration> migrations, int index) {
      this.migrations = migrations;
      this.index = index;
    }

    @Override
    public Migration create() {
      return migrations.apply(index);
    }
  }
}
