package dev.retort.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for the tests: set up data and look at what the migrations did. */
final class Sql {

  private Sql() {}

  static void execute(String url, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String sql : statements) s.execute(sql);
    }
  }

  /** The first column of every row of {@code query}, as strings. */
  static List<String> column(String url, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) values.add(rs.getString(1));
    }
    return values;
  }
}
