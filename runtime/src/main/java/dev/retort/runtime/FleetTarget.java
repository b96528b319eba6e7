package dev.retort.runtime;

import dev.retort.runtime.dialect.Identifiers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One database a {@link Fleet} migrates: a JDBC URL, or a schema of a PostgreSQL database (a
 * tenant), whose version table, history and lock live in that schema, so that targets never wait
 * for each other.
 *
 * @param name how progress lines and results name it: the schema, or the URL with its password
 *     masked
 * @param url the JDBC URL Retort connects to
 * @param schema the schema of the target's tables, Retort's included, or empty for the URL's own
 */
public record FleetTarget(String name, String url, Optional<String> schema) {

  /** The database at {@code jdbcUrl}. */
  public static FleetTarget url(String jdbcUrl) {
    return new FleetTarget(SafeText.mask(jdbcUrl), jdbcUrl, Optional.empty());
  }

  /**
   * The schema {@code schema} of the PostgreSQL database at {@code jdbcUrl}: its connections start
   * with {@code search_path} set to that schema alone ({@code currentSchema}), so the revisions
   * create their tables there.
   */
  public static FleetTarget schema(String jdbcUrl, String schema) {
    Identifiers.check("schema", schema);
    requirePostgresql(jdbcUrl);
    String url =
        jdbcUrl
            + (jdbcUrl.contains("?") ? "&" : "?")
            + "currentSchema="
            + URLEncoder.encode(schema, StandardCharsets.UTF_8);
    return new FleetTarget(schema, url, Optional.of(schema));
  }

  /** Fails unless {@code jdbcUrl} is a PostgreSQL database, the one kind that has schemas. */
  static void requirePostgresql(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new RetortException(
          ErrorCode.INVALID_ARGUMENT,
          "a fleet of schemas needs a PostgreSQL database (jdbc:postgresql://HOST/DB), not "
              + SafeText.mask(jdbcUrl)
              + "; for several SQLite databases give their URLs");
    }
  }
}
