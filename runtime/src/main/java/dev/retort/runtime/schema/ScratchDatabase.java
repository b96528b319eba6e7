package dev.retort.runtime.schema;

import static java.util.stream.Collectors.joining;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database to build schemas in and throw away: a SQLite file or a schema of its own in a
 * PostgreSQL database. It is never a user's data: {@link #open} refuses a database that holds
 * anything but Retort's tables, before it changes anything, and {@link #close} removes what it
 * created.
 */
public abstract class ScratchDatabase implements AutoCloseable {

  private final String url;

  ScratchDatabase(String url) {
    this.url = url;
  }

  /**
   * A scratch database at {@code jdbcUrl}: a SQLite file URL ({@code jdbc:sqlite:PATH}), or a
   * PostgreSQL URL, in whose database a new schema is used.
   *
   * @throws RetortException {@code INVALID_ARGUMENT} when the database holds anything but Retort's
   *     tables, or the URL is neither
   */
  public static ScratchDatabase open(String jdbcUrl) throws SQLException {
    switch (Dialects.forUrl(jdbcUrl).map(Dialect::name).orElse("")) {
      case "sqlite":
        return SqliteScratch.create(jdbcUrl);
      case "postgresql":
        return PostgresScratch.create(jdbcUrl);
      default:
        break;
    }
    throw new RetortException(
        ErrorCode.INVALID_ARGUMENT,
        "a scratch database is a jdbc:sqlite: file or a jdbc:postgresql: database, not "
            + SafeText.mask(jdbcUrl));
  }

  /** The URL to migrate: for PostgreSQL, the scratch schema is its current schema. */
  public String url() {
    return url;
  }

  /** A new connection to {@link #url()}; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** The scratch database's schema now. */
  public Snapshot snapshot() throws SQLException {
    try (Connection connection = connect()) {
      return Snapshot.of(connection);
    }
  }

  /** Drops everything, Retort's tables included, so that the database is empty again. */
  public abstract void reset() throws SQLException;

  /** Removes what this created: the SQLite file (emptied if it was there) or the schema. */
  @Override
  public abstract void close() throws SQLException;

  /** Refuses a database that holds objects other than Retort's tables, naming a few. */
  static void checkEmpty(String jdbcUrl, Snapshot existing) {
    if (!existing.isEmpty()) {
      throw new RetortException(
          ErrorCode.INVALID_ARGUMENT,
          "the scratch database "
              + SafeText.mask(jdbcUrl)
              + " is not empty (it holds "
              + existing.toText().lines().limit(3).map(String::strip).collect(joining("; "))
              + "); give a new or empty database, which is built and dropped again: its data would"
              + " be lost");
    }
  }
}
