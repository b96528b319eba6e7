package dev.retort.runtime.engine;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;

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
