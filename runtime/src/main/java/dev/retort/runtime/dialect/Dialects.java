package dev.retort.runtime.dialect;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

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
    Optional<Dialect> named = forUrl(url);
    return named.isPresent() ? named.get() : of(connection);
  }

  /** The dialect a JDBC URL names, when it names one Retort supports; no driver is asked. */
  public static Optional<Dialect> forUrl(String url) {
    if (url.startsWith("jdbc:postgresql:")) return Optional.of(new PostgresDialect());
    if (url.startsWith("jdbc:sqlite:")) return Optional.of(new SqliteDialect());
    return Optional.empty();
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
