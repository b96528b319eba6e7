package dev.retort.it;

import dev.retort.testkit.EmbeddedPostgresql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases every runtime test runs against: a real SQLite file and a real PostgreSQL server
 * (embedded, started once per test JVM; a fresh database per test).
 */
public enum TestDatabase {
  SQLITE {
    @Override
    public String freshUrl(Path dir) {
      // A real file; without fsync, since durability is not what these tests check.
      return "jdbc:sqlite:"
          + dir.resolve("test-" + COUNTER.incrementAndGet() + ".db")
          + "?synchronous=OFF";
    }
  },
  POSTGRESQL {
    @Override
    public String freshUrl(Path dir) throws SQLException {
      return EmbeddedPostgresql.freshDatabase("it_" + COUNTER.incrementAndGet());
    }
  };

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** The URL of a new, empty database. */
  public abstract String freshUrl(Path dir) throws SQLException;

  /** Runs a query and returns the first column of every row, as strings. */
  public static List<String> column(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) values.add(rs.getString(1));
      return values;
    }
  }

  /** Runs statements outside Retort, to set up or damage a database. */
  public static void execute(String url, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String statement : sql) s.execute(statement);
    }
  }

  /** Whether table {@code name} exists. */
  public static boolean tableExists(String url, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
      return rs.next();
    }
  }
}
