package dev.retort.it.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A HikariCP pool of one connection, as an application's pool hands Retort a connection and takes
 * it back: whatever Retort leaves on it, the next user of the pool gets.
 */
final class OneConnectionPool {

  private OneConnectionPool() {}

  /** A pool of at most one connection to {@code url}; the caller closes it. */
  static HikariDataSource of(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(5_000);
    config.setPoolName("one-connection");
    return new HikariDataSource(config);
  }
}
