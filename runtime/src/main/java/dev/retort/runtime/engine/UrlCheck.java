package dev.retort.runtime.engine;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;
import java.util.Optional;

/**
 * The JDBC URLs Retort refuses before a driver sees them: one that names no SQLite file, which
 * would migrate a temporary database that is deleted when the connection closes, and PostgreSQL
 * URLs its driver cannot read, since the driver prints such a URL (or the part it took for a port,
 * which may be a password) in a warning of its own before it fails.
 */
final class UrlCheck {

  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRESQL = "jdbc:postgresql://";

  private UrlCheck() {}

  /**
   * {@code url} as a URL Retort connects to itself, once it passes {@link #checked} and names no
   * private in-memory SQLite database.
   */
  static String connectable(String url) {
    checked(url);
    if (url.startsWith(SQLITE) && privateMemory(url)) {
      throw refused(
          url,
          "names an in-memory database, which lives only as long as its connection: Retort opens a"
              + " connection for each command, so each would see a new, empty database and an"
              + " upgrade would vanish when it ends; name a file, such as"
              + " jdbc:sqlite:./data/app.db, or pass Retort.builder(...).dataSource(...) a"
              + " DataSource that keeps one connection open");
    }
    return url;
  }

  /**
   * The SQLite database file {@code url} names, or empty for an in-memory one; {@code url} has
   * passed {@link #checked}.
   */
  static Optional<String> sqliteFile(String url) {
    if (!url.startsWith(SQLITE) || memory(url)) return Optional.empty();
    String file = beforeQuery(url.substring(SQLITE.length()));
    if (file.startsWith("file:")) file = file.substring("file:".length());
    return Optional.of(file);
  }

  /**
   * Whether a SQLite URL names an in-memory database ({@code :memory:}, {@code file::memory:},
   * {@code mode=memory}) that no other connection can share: one without {@code cache=shared},
   * which keeps it alive while any connection of the process is open.
   */
  private static boolean privateMemory(String url) {
    return memory(url) && !parameter(url, "cache", "shared");
  }

  private static boolean memory(String url) {
    String file = beforeQuery(url.substring(SQLITE.length()));
    return file.equals(":memory:")
        || file.equals("file::memory:")
        || parameter(url, "mode", "memory");
  }

  private static boolean parameter(String url, String key, String value) {
    int query = url.indexOf('?');
    if (query < 0) return false;
    for (String pair : url.substring(query + 1).split("&", -1)) {
      if (pair.equals(key + "=" + value)) return true;
    }
    return false;
  }

  /** {@code url}, once it passes; any other kind of URL, or none, passes as it is. */
  static String checked(String url) {
    if (url == null) return null;
    if (url.startsWith(SQLITE)) sqlite(url);
    if (url.startsWith(POSTGRESQL)) postgresql(url);
    return url;
  }

  private static void sqlite(String url) {
    String file = beforeQuery(url.substring(SQLITE.length()));
    if (file.startsWith("file:")) file = file.substring("file:".length());
    if (file.isBlank()) {
      throw refused(
          url,
          "names no database file, so SQLite would migrate a temporary database that is deleted"
              + " when the connection closes; name the file, such as jdbc:sqlite:./data/app.db");
    }
  }

  private static void postgresql(String url) {
    String address = beforeQuery(url.substring(POSTGRESQL.length()));
    int slash = address.indexOf('/');
    String hosts = slash < 0 ? address : address.substring(0, slash);
    String advice = "; write jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD";
    if (address.indexOf('@') >= 0) {
      throw refused(
          url,
          "has a user name or password before the host, which the PostgreSQL driver does not"
              + " read: it would take the password for a port and print it in a warning"
              + advice
              + ", the password percent-encoded");
    }
    if (slash >= 0 && address.indexOf('/', slash + 1) >= 0) {
      throw refused(
          url,
          "has a '/' after the database name, which the PostgreSQL driver does not read: it"
              + " would print the whole URL, password included, in a warning"
              + advice
              + ", a '/' in a name percent-encoded as %2F");
    }
    for (String host : hosts.split(",", -1)) {
      int colon = host.lastIndexOf(':');
      String port = colon < 0 || host.endsWith("]") ? "" : host.substring(colon + 1);
      if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
        // Not quoted: a password with an unencoded '?' before the host ends up here.
        throw refused(
            url,
            "has a port that is not a number, which the PostgreSQL driver does not read: it would"
                + " print what it took for the port in a warning"
                + advice
                + ", the password percent-encoded");
      }
    }
  }

  private static String beforeQuery(String text) {
    int query = text.indexOf('?');
    return query < 0 ? text : text.substring(0, query);
  }

  private static RetortException refused(String url, String why) {
    return new RetortException(
        ErrorCode.INVALID_URL, "the JDBC URL " + SafeText.mask(url) + " " + why);
  }
}
