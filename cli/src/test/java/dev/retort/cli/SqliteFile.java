package dev.retort.cli;

import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** A real SQLite database file, and the questions the command line's tests ask of it. */
final class SqliteFile {

  private final String url;

  SqliteFile(Path dir) {
    this.url = "jdbc:sqlite:" + dir.resolve("test.db");
  }

  String url() {
    return url;
  }

  /** The tables whose names start with {@code t_}: one per applied test revision, sorted. */
  List<String> revisionTables() throws SQLException {
    return strings(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\'"
            + " ORDER BY name");
  }

  /** The rows of {@code table}'s {@code version_num}, sorted. */
  List<String> versions(String table) throws SQLException {
    return strings("SELECT version_num FROM " + table + " ORDER BY version_num");
  }

  void execute(String sql) throws SQLException {
    TestDatabase.execute(url, sql);
  }

  List<String> strings(String query) throws SQLException {
    return TestDatabase.column(url, query);
  }
}
