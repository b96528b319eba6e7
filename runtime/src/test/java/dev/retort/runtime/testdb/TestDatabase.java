package dev.retort.runtime.testdb;

import dev.retort.testkit.EmbeddedPostgresql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** The real databases the runtime's tests run on: a SQLite file, and the test PostgreSQL server. */
public enum TestDatabase {
  SQLITE {
    @Override
    public String freshUrl(Path dir) {
      return "jdbc:sqlite:" + dir.resolve("runtime-" + COUNTER.incrementAndGet() + ".db");
    }
  },
  POSTGRESQL {
    @Override
    public String freshUrl(Path dir) throws SQLException {
      return EmbeddedPostgresql.freshDatabase("runtime_" + COUNTER.incrementAndGet());
    }
  };

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** The URL of a new, empty database. */
  public abstract String freshUrl(Path dir) throws SQLException;

  /** A connection to a new, empty database; the caller closes it. */
  public Connection fresh(Path dir) throws SQLException {
    return DriverManager.getConnection(freshUrl(dir));
  }
}
