package dev.retort.sample;

import dev.retort.testkit.EmbeddedPostgresql;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The two databases the sample runs on, each a fresh, real one per test. */
enum Database {
  SQLITE {
    @Override
    String freshUrl(Path dir) {
      return "jdbc:sqlite:" + dir.resolve("sample.db");
    }

    @Override
    List<String> tables(String url) throws SQLException {
      return Sql.column(
          url,
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
              + " ORDER BY name");
    }

    @Override
    List<String> indexes(String url) throws SQLException {
      return Sql.column(
          url,
          "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE"
              + " 'sqlite_autoindex_%' ORDER BY name");
    }
  },
  POSTGRESQL {
    @Override
    String freshUrl(Path dir) throws SQLException {
      return EmbeddedPostgresql.freshDatabase(
          "sample_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
    }

    @Override
    List<String> tables(String url) throws SQLException {
      return Sql.column(
          url,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
              + " ORDER BY table_name");
    }

    @Override
    List<String> indexes(String url) throws SQLException {
      // Only valid indexes (an interrupted CREATE INDEX CONCURRENTLY leaves an invalid one), and
      // not those behind a primary key or unique constraint.
      return Sql.column(
          url,
          "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
              + " JOIN pg_namespace n ON n.oid = c.relnamespace"
              + " WHERE n.nspname = 'public' AND i.indisvalid"
              + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
              + " ORDER BY c.relname");
    }
  };

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** The URL of a new, empty database. */
  abstract String freshUrl(Path dir) throws SQLException;

  /** The tables, sorted. */
  abstract List<String> tables(String url) throws SQLException;

  /** The indexes created by name (not those behind constraints), sorted. */
  abstract List<String> indexes(String url) throws SQLException;
}
