package dev.retort.bench.harness;

/** A database engine that hands out a fresh, empty database for each run. */
interface Database extends AutoCloseable {

  /** The name in the report. */
  String name();

  /** A new empty database; returns its JDBC URL. */
  String fresh();

  /** How many tables named {@code t_...} the database at {@code url} holds. */
  int workloadTables(String url);

  /** Removes the database at {@code url}. */
  void drop(String url);

  @Override
  void close();
}
