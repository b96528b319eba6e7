package dev.retort.sample;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.cli.Connector;
import dev.retort.cli.DatabaseUrl;
import dev.retort.runtime.Retort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sample's database: a SQLite file, {@code ./data/sample.db}, unless {@code DATABASE_URL} names
 * another (such as PostgreSQL); always through a HikariCP pool.
 */
final class SampleDatabase {

  /** The default database, relative to the working directory. */
  static final String DEFAULT_URL = "jdbc:sqlite:./data/sample.db";

  private SampleDatabase() {}

  /** The JDBC URL to use: {@code DATABASE_URL}, else {@link #DEFAULT_URL}. */
  static String url(Map<String, String> env) {
    return DatabaseUrl.fromEnvironment(env, DEFAULT_URL);
  }

  /** A pool for {@code jdbcUrl}; for a SQLite file, its folder is created first. */
  static HikariDataSource pool(String jdbcUrl) {
    createSqliteFolder(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setPoolName("sample");
    config.setJdbcUrl(jdbcUrl);
    // SQLite allows one writer at a time; PostgreSQL gets a small pool.
    config.setMaximumPoolSize(jdbcUrl.startsWith("jdbc:sqlite:") ? 1 : 4);
    // Connect on first use, not here: Retort's start-up mode retries a database that is not up
    // yet, with backoff, and names the masked URL when it gives up.
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(5_000);
    return new HikariDataSource(config);
  }

  /** Makes every command of the command line use the pool too. */
  static Connector connector() {
    return (Retort.Builder builder, String jdbcUrl) -> {
      HikariDataSource pool = pool(jdbcUrl);
      builder.dataSource(pool, jdbcUrl);
      return pool;
    };
  }

  private static void createSqliteFolder(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:sqlite:") || jdbcUrl.contains(":memory:")) return;
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) file = file.substring(0, query);
    if (file.startsWith("file:")) return;
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the database folder " + parent, e);
    }
  }
}
