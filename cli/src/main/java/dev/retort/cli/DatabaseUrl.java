package dev.retort.cli;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which database a command talks to: {@code --url}, else the {@code DATABASE_URL} environment
 * variable, else the application's default. {@code DATABASE_URL} may also be written the way
 * hosting platforms set it, {@code postgres://user:password@host:port/db}; it is turned into the
 * JDBC URL that means the same. Public so that an application's own start-up reads the same
 * variable by the same rules as its command line.
 */
public final class DatabaseUrl {

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  /**
   * A PostgreSQL or SQLite JDBC URL, also behind the subprotocols of wrapping drivers (tracing,
   * logging, test containers: {@code jdbc:otel:postgresql://...}), which hand it on to the real
   * driver, as {@code Retort.builder(...).url(...)} accepts them.
   */
  private static final Pattern SUPPORTED =
      Pattern.compile("jdbc:(?:[A-Za-z][A-Za-z0-9+.-]*:)*?(?:postgresql|sqlite):");

  /** The environment variable naming the database. */
  public static final String VARIABLE = "DATABASE_URL";

  private DatabaseUrl() {}

  /**
   * The JDBC URL of {@code DATABASE_URL} in {@code env} when it is set and not blank, else {@code
   * defaultUrl}.
   *
   * @throws dev.retort.runtime.RetortException when the variable holds a URL of another kind
   */
  public static String fromEnvironment(Map<String, String> env, String defaultUrl) {
    return supported(resolve(Optional.empty(), env, Optional.of(defaultUrl)).orElseThrow());
  }

  /**
   * {@code jdbcUrl}, when it names a database Retort supports: PostgreSQL or SQLite. Checked before
   * a driver or a pool sees it, whose "no suitable driver" would not say that Retort could not
   * work with that database anyway.
   *
   * @throws RetortException for another database ({@link ErrorCode#UNSUPPORTED_DATABASE}), naming
   *     it by the URL's subprotocol alone
   */
  static String supported(String jdbcUrl) {
    if (SUPPORTED.matcher(jdbcUrl).lookingAt()) return jdbcUrl;
    String rest = jdbcUrl.substring("jdbc:".length());
    Matcher scheme = SCHEME.matcher(rest);
    throw new RetortException(
        ErrorCode.UNSUPPORTED_DATABASE,
        "Retort supports PostgreSQL (jdbc:postgresql://HOST/DB) and SQLite (jdbc:sqlite:FILE),"
            + " not "
            + (scheme.lookingAt() ? "a jdbc:" + scheme.group() + " URL" : "this JDBC URL"));
  }

  /** The JDBC URL to use, or empty when none is given anywhere. */
  static Optional<String> resolve(
      Optional<String> option, Map<String, String> env, Optional<String> fallback) {
    Optional<String> url = option;
    if (url.isEmpty()) url = Optional.ofNullable(env.get(VARIABLE)).filter(u -> !u.isBlank());
    if (url.isEmpty()) url = fallback;
    return url.map(DatabaseUrl::toJdbc);
  }

  /**
   * {@code url} as a JDBC URL: a JDBC URL as it is, {@code postgres://} and {@code postgresql://}
   * URLs converted.
   *
   * @throws dev.retort.runtime.RetortException for any other kind of URL, or a malformed one
   *     ({@link ErrorCode#INVALID_URL})
   */
  public static String toJdbc(String url) {
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:")) return trimmed;
    if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
      return fromPostgresUri(trimmed);
    }
    throw new RetortException(
        ErrorCode.INVALID_URL,
        "the database URL must be a JDBC URL (jdbc:postgresql://HOST/DB, jdbc:sqlite:FILE) or"
            + " postgres://USER:PASSWORD@HOST/DB; got "
            + kind(trimmed));
  }

  /**
   * What kind of URL {@code url} is, by its scheme alone: anything after it may be a password
   * (redis://:PASSWORD@HOST), and text without a scheme may be nothing but one.
   */
  private static String kind(String url) {
    if (url.isEmpty()) return "an empty one";
    Matcher scheme = SCHEME.matcher(url);
    return scheme.lookingAt() ? "a " + scheme.group() + " URL" : "one without a scheme";
  }

  private static String fromPostgresUri(String url) {
    // An '@' after the host means a password with an unencoded '/', '?' or '#' before it (or an
    // '@' in the path or query): java.net.URI would take part of the password for the host.
    String rest = url.substring(url.indexOf("://") + 3);
    int authorityEnd = indexOfAny(rest, "/?#");
    if (rest.indexOf('@', authorityEnd) >= 0) {
      throw new RetortException(
          ErrorCode.INVALID_URL,
          "the database URL "
              + SafeText.mask(url)
              + " has an '@' after the host: percent-encode '/' as %2F, '?' as %3F, '#' as %23"
              + " and '@' as %40 in the password (and write an '@' elsewhere as %40)");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // The message would quote the URL with its password; say only where it broke.
      throw new RetortException(
          ErrorCode.INVALID_URL,
          "the postgres:// database URL is malformed at character "
              + e.getIndex()
              + "; percent-encode special characters in the user name and password");
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getRawAuthority());
    int at = jdbc.lastIndexOf("@");
    if (at >= 0) jdbc.delete("jdbc:postgresql://".length(), at + 1);
    jdbc.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      parameter(query, "user", decode(user));
      if (colon >= 0) parameter(query, "password", decode(userInfo.substring(colon + 1)));
    }
    if (query.length() > 0) jdbc.append('?').append(query);
    return jdbc.toString();
  }

  private static void parameter(StringBuilder query, String name, String value) {
    if (query.length() > 0) query.append('&');
    query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) return i;
    }
    return text.length();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
