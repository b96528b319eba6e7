package dev.retort.bench.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A database engine that hands out a fresh, empty database for each run. */
interface Database extends AutoCloseable {

  /** The name in the report. */
  String name();

  /** A new empty database; returns its JDBC URL. */
  String fresh();

  /** The query that counts the tables named {@code t_...}. */
  String workloadTablesQuery();

  /** How many tables named {@code t_...} the database at {@code url} holds. */
  default int workloadTables(String url) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(workloadTablesQuery())) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the tables of " + url, e);
    }
  }

  /** Removes the database at {@code url}. */
  void drop(String url);

  @Override
  void close();
}
