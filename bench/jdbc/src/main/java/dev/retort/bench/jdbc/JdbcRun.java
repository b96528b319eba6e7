package dev.retort.bench.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.bench.probe.Probe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The lower bound: what any migration tool must do at least. One version table; for each missing
 * revision, begin, the DDL, one insert into the version table, commit.
 *
 * <p>Usage: {@code JdbcRun JDBC_URL N}
 */
public final class JdbcRun {

  private JdbcRun() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[1]);
    try (HikariDataSource pool = Probe.pool(args[0])) {
      Probe.measure(() -> migrate(pool, n));
    }
  }

  private static void migrate(DataSource pool, int n) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS jdbc_version (version INTEGER NOT NULL PRIMARY KEY)");
      int current;
      try (ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM jdbc_version")) {
        rs.next();
        current = rs.getInt(1);
      }
      connection.setAutoCommit(false);
      try (PreparedStatement record =
          connection.prepareStatement("INSERT INTO jdbc_version (version) VALUES (?)")) {
        for (int i = current + 1; i <= n; i++) {
          statement.execute("CREATE TABLE t_" + i + " (id INTEGER PRIMARY KEY, name VARCHAR(50))");
          record.setInt(1, i);
          record.executeUpdate();
          connection.commit();
        }
      }
    }
  }
}
