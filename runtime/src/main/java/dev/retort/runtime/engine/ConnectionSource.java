package dev.retort.runtime.engine;

import dev.retort.runtime.SafeText;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/** Where connections come from, and how to name the database in messages without its password. */
public interface ConnectionSource {

  /** A new connection; the caller closes it. */
  Connection open() throws SQLException;

  /** The database as it may appear in logs and errors: host and database, never a password. */
  String describe();

  /**
   * Connections from {@code dataSource}, such as a pool; {@code name} is how logs show it. A name
   * that is a JDBC URL, as the pool's usually is, is refused as {@link #of(String, String, String)}
   * refuses it.
   */
  static ConnectionSource of(DataSource dataSource, String name) {
    Objects.requireNonNull(dataSource, "dataSource");
    String shown = SafeText.mask(UrlCheck.checked(name));
    return new ConnectionSource() {
      @Override
      public Connection open() throws SQLException {
        return dataSource.getConnection();
      }

      @Override
      public String describe() {
        return shown;
      }
    };
  }

  /**
   * Connections from the driver of {@code jdbcUrl}; {@code user} null when the URL has them.
   *
   * @throws dev.retort.runtime.RetortException for a URL that names no SQLite file or an in-memory
   *     SQLite database private to each connection, or that the PostgreSQL driver cannot read
   *     ({@code INVALID_URL})
   */
  static ConnectionSource of(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    String shown = SafeText.mask(UrlCheck.connectable(jdbcUrl));
    return new ConnectionSource() {
      @Override
      public Connection open() throws SQLException {
        return user == null
            ? DriverManager.getConnection(jdbcUrl)
            : DriverManager.getConnection(jdbcUrl, user, password);
      }

      @Override
      public String describe() {
        return shown;
      }
    };
  }
}
