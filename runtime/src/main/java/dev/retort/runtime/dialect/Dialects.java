package dev.retort.runtime.dialect;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Chooses the dialect by the database's product name or by name; no service loading. */
public final class Dialects {

  private Dialects() {}

  /** The dialect of the database behind {@code connection}. */
  public static Dialect of(Connection connection) throws SQLException {
    return named(connection.getMetaData().getDatabaseProductName());
  }

  /**
   * The dialect of {@code connection}, known from its JDBC URL when {@code url} is one (which saves
   * loading the driver's metadata at start-up), else asked of the connection.
   */
  public static Dialect of(Connection connection, String url) throws SQLException {
    if (url.startsWith("jdbc:postgresql:")) return new PostgresDialect();
    if (url.startsWith("jdbc:sqlite:")) return new SqliteDialect();
    return of(connection);
  }

  /** The dialect called {@code name} ({@code postgresql} or {@code sqlite}, any case). */
  public static Dialect named(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "postgresql":
        return new PostgresDialect();
      case "sqlite":
        return new SqliteDialect();
      default:
        throw new RetortException(
            ErrorCode.UNSUPPORTED_DATABASE, "Retort supports PostgreSQL and SQLite, not " + name);
    }
  }
}
