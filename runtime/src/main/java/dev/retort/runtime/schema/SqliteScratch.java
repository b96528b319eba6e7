package dev.retort.runtime.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A scratch SQLite file: deleted at the end when it did not exist before, else emptied. */
final class SqliteScratch extends ScratchDatabase {

  /** What SQLite and Retort's lock put beside a database file. */
  private static final List<String> COMPANIONS =
      List.of("", "-journal", "-wal", "-shm", "-retort-lock");

  private final Path file;
  private final boolean existed;

  private SqliteScratch(String url, Path file, boolean existed) {
    super(url);
    this.file = file;
    this.existed = existed;
  }

  static SqliteScratch create(String url) throws SQLException {
    String location = url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", "");
    Path file = Path.of(location.replaceFirst("^file:", ""));
    boolean existed = Files.exists(file);
    if (existed) {
      try (Connection connection = DriverManager.getConnection(url)) {
        checkEmpty(url, Snapshot.of(connection));
      }
    } else {
      try {
        // An empty file is an empty database, which commands that only read can open.
        Files.createFile(file);
      } catch (IOException e) {
        throw new UncheckedIOException("could not create the scratch database " + file, e);
      }
    }
    return new SqliteScratch(url, file, existed);
  }

  @Override
  public void reset() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA foreign_keys = OFF");
      List<String> drops = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'table')"
                  + " AND name NOT LIKE 'sqlite_%' ORDER BY type DESC")) {
        while (rs.next()) {
          drops.add(
              "DROP " + rs.getString(1) + " \"" + rs.getString(2).replace("\"", "\"\"") + "\"");
        }
      }
      for (String drop : drops) statement.execute(drop);
    }
  }

  @Override
  public void close() throws SQLException {
    if (existed) {
      reset();
      return;
    }
    try {
      for (String companion : COMPANIONS) {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + companion));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the scratch database " + file, e);
    }
  }
}
