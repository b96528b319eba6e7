package dev.retort.testkit;

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
 * The databases every test runs against, each a fresh, real one per call: a SQLite file in the
 * test's folder and a database on a real PostgreSQL server ({@link EmbeddedPostgresql}: embedded,
 * started once per test JVM, or the server {@code RETORT_TEST_PG_URL} names). Also the plain JDBC a
 * test needs to set a database up and look at it, with no Retort code.
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

    @Override
    public List<String> tables(String url) throws SQLException {
      return column(
          url,
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
              + " ORDER BY name");
    }

    @Override
    public List<String> indexes(String url) throws SQLException {
      return column(
          url,
          "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE"
              + " 'sqlite_autoindex_%' ORDER BY name");
    }
  },
  POSTGRESQL {
    @Override
    public String freshUrl(Path dir) throws SQLException {
      // The process id keeps names apart when several test JVMs share one external server.
      return EmbeddedPostgresql.freshDatabase(
          "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
    }

    @Override
    public List<String> tables(String url) throws SQLException {
      return column(
          url,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
              + " ORDER BY table_name");
    }

    @Override
    public List<String> indexes(String url) throws SQLException {
      // Only valid indexes (an interrupted CREATE INDEX CONCURRENTLY leaves an invalid one), and
      // not those behind a primary key or unique constraint.
      return column(
          url,
          "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
              + " JOIN pg_namespace n ON n.oid = c.relnamespace"
              + " WHERE n.nspname = 'public' AND i.indisvalid"
              + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
              + " ORDER BY c.relname");
    }
  };

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** The URL of a new, empty database; a SQLite file goes into {@code dir}. */
  public abstract String freshUrl(Path dir) throws SQLException;

  /** A connection to a new, empty database; the caller closes it. */
  public Connection fresh(Path dir) throws SQLException {
    return DriverManager.getConnection(freshUrl(dir));
  }

  /** The tables of the default schema, sorted. */
  public abstract List<String> tables(String url) throws SQLException;

  /** The indexes created by name (not those behind constraints), sorted. */
  public abstract List<String> indexes(String url) throws SQLException;

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
