package dev.retort.bench.harness;

import dev.retort.testkit.EmbeddedPostgresql;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL server with the default, durable settings (fsync on), and a new database
 * for each run.
 */
final class PostgresServer implements Database {

  private final EmbeddedPostgres server;
  private int next;

  PostgresServer() {
    try {
      server = EmbeddedPostgresql.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
    }
  }

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String fresh() {
    String name = "bench_" + next++;
    execute("CREATE DATABASE " + name);
    return server.getJdbcUrl("postgres", name);
  }

  @Override
  public String workloadTablesQuery() {
    return "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND"
        + " table_name LIKE 't\\_%'";
  }

  @Override
  public void drop(String url) {
    String name = url.replaceFirst(".*/([^/?]+).*", "$1");
    execute("DROP DATABASE " + name + " WITH (FORCE)");
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
