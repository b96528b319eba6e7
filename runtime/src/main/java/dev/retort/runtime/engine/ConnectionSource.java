package dev.retort.runtime.engine;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/** Where connections come from, and how to name the database in messages without its password. */
public interface ConnectionSource {

  /** A new connection; the caller closes it. */
  Connection open() throws SQLException;

  /** The database as it may appear in logs and errors: host and database, never a password. */
  String describe();

  /**
   * The same database for a command that only reads: a SQLite file named by URL is opened
   * read-only, so that a read never creates it, and one that does not exist is an error naming
   * it. Connections from a DataSource are the DataSource's to configure and come as they are, but
   * a DataSource named by the URL of a SQLite file that does not exist is not asked for one.
   */
  default ConnectionSource readOnly() {
    return this;
  }

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

      @Override
      public ConnectionSource readOnly() {
        Optional<String> file = name == null ? Optional.empty() : UrlCheck.sqliteFile(name);
        if (file.isEmpty()) return this;
        ConnectionSource pooled = this;
        return new ConnectionSource() {
          @Override
          public Connection open() throws SQLException {
            requireFile(file.get());
            return pooled.open();
          }

          @Override
          public String describe() {
            return shown;
          }
        };
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

      @Override
      public ConnectionSource readOnly() {
        Optional<String> file = UrlCheck.sqliteFile(jdbcUrl);
        if (file.isEmpty()) return this;
        return new ConnectionSource() {
          @Override
          public Connection open() throws SQLException {
            requireFile(file.get());
            Properties properties = new Properties();
            if (user != null) properties.setProperty("user", user);
            if (password != null) properties.setProperty("password", password);
            // sqlite-jdbc's open flags: SQLITE_OPEN_READONLY alone, so nothing is created.
            properties.setProperty("open_mode", "1");
            return DriverManager.getConnection(jdbcUrl, properties);
          }

          @Override
          public String describe() {
            return shown;
          }
        };
      }
    };
  }

  /** Fails, naming it, when the SQLite database file {@code file} does not exist. */
  private static void requireFile(String file) {
    if (Files.exists(Path.of(file))) return;
    throw new RetortException(
        ErrorCode.CONNECTION_FAILED,
        "the SQLite database file "
            + SafeText.mask(file)
            + " does not exist; check the URL, or run 'upgrade' to create it");
  }
}
