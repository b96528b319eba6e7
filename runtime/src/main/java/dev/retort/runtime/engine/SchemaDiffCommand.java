package dev.retort.runtime.engine;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;
import dev.retort.runtime.schema.SchemaReader;
import dev.retort.runtime.schema.ScratchDatabase;
import dev.retort.runtime.schema.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code diff}: the database's schema compared with the one the registries build at heads, built in
 * a scratch database (a temporary SQLite file unless one is given). Only reads the database.
 */
public final class SchemaDiffCommand {

  private final Catalog catalog;
  private final Config config;

  SchemaDiffCommand(Catalog catalog, Config config) {
    this.catalog = catalog;
    this.config = config;
  }

  /**
   * How the database differs from the schema at heads ({@link Snapshot#diff}): {@code added} is
   * only in the database, {@code removed} only in the revisions. Empty when they match.
   */
  public List<String> diff(Optional<String> scratchUrl) {
    ConnectionSource live =
        config
            .source()
            .orElseThrow(
                () ->
                    new RetortException(
                        ErrorCode.NO_DATABASE, "diff compares a database, and none is given"));
    Snapshot actual;
    boolean sqlite;
    try (Connection connection = live.readOnly().open()) {
      sqlite = SchemaReader.isSqlite(connection);
      actual =
          Snapshot.of(connection)
              .withoutTables(Set.of(config.table(), config.table() + "_history"));
    } catch (SQLException e) {
      throw failure("could not read the schema of " + live.describe(), e);
    }
    if (scratchUrl.isEmpty() && !sqlite) {
      throw new RetortException(
          ErrorCode.INVALID_ARGUMENT,
          "diff builds the expected schema in a scratch database of the same kind: give the URL of"
              + " an empty PostgreSQL database (--scratch-url), in which a schema is created and"
              + " dropped again");
    }
    return expected(scratchUrl).diff(actual);
  }

  /** The schema the registries build at heads, in the scratch database or a temporary file. */
  private Snapshot expected(Optional<String> scratchUrl) {
    if (scratchUrl.isPresent()) return built(scratchUrl.get());
    try {
      Path folder = Files.createTempDirectory("retort-diff");
      try {
        return built("jdbc:sqlite:" + folder.resolve("scratch.db"));
      } finally {
        Files.delete(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not use a temporary scratch database", e);
    }
  }

  private Snapshot built(String scratchUrl) {
    try (ScratchDatabase scratch = ScratchDatabase.open(scratchUrl)) {
      Engine.create(catalog, scratchConfig(scratch.url())).migrate().upgrade("heads");
      return scratch.snapshot();
    } catch (SQLException e) {
      throw failure("could not build the schema in the scratch database", e);
    }
  }

  /** The scratch database with Retort's defaults, its version table in the scratch schema. */
  private Config scratchConfig(String url) {
    return new Config(
        Optional.of(ConnectionSource.of(url, null, null)),
        "retort_version",
        Optional.empty(),
        config.lockTimeout(),
        false,
        config.startupRetry(),
        config.lockWait(),
        Optional.empty());
  }

  private static RetortException failure(String what, SQLException e) {
    return new RetortException(
        ErrorCode.DATABASE_ERROR, what + ": " + SafeText.oneLine(SafeText.mask(e.getMessage())), e);
  }
}
