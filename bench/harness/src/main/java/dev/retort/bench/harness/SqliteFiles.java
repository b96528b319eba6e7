package dev.retort.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** SQLite: a new file for each run, in the driver's default settings. */
final class SqliteFiles implements Database {

  private final Path dir;
  private int next;

  SqliteFiles(Path dir) {
    this.dir = dir;
  }

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public String fresh() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "jdbc:sqlite:" + dir.resolve("bench-" + next++ + ".db");
  }

  @Override
  public String workloadTablesQuery() {
    return "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%'"
        + " ESCAPE '\\'";
  }

  @Override
  public void drop(String url) {
    Path file = Path.of(url.substring("jdbc:sqlite:".length()));
    // The database and what lives beside it: journal, Retort's lock file.
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files
              .filter(f -> f.getFileName().toString().startsWith(file.getFileName().toString()))
              .toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {}
}
