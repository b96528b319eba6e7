package dev.retort.cli;

import dev.retort.runtime.Retort;

/**
 * Points a command's {@link Retort.Builder} at the database named by a JDBC URL, for an application
 * that wants the command line to use its own pool or credentials. The default calls {@link
 * Retort.Builder#url(String)}.
 *
 * <pre>{@code
 * Connector pooled = (builder, url) -> {
 *   HikariDataSource pool = new HikariDataSource(config(url));
 *   builder.dataSource(pool, url);
 *   return pool;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Connector {

  /**
   * Configures {@code builder} for the database at {@code jdbcUrl}.
   *
   * @return what to close when the command ends, such as a pool
   * @throws Exception when the database cannot be set up; the command fails with its message
   */
  AutoCloseable connect(Retort.Builder builder, String jdbcUrl) throws Exception;

  /** The default: {@link Retort.Builder#url(String)}, with nothing to close. */
  static Connector byUrl() {
    return (builder, url) -> {
      builder.url(url);
      return () -> {};
    };
  }
}
