package dev.retort.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retort's settings under {@code retort.*}.
 *
 * <p>Each description below is also the property's description in the configuration metadata.
 *
 * @param enabled Whether Retort runs at start-up.
 * @param target The revision to upgrade to: heads, an id, a branch label, LABEL@head.
 * @param schema The schema of the version and history tables (default: the connection's).
 * @param versionTable The version table; the history table is NAME_history beside it.
 * @param lockTimeout How long to wait for another process's migration lock.
 * @param startupRetry Retrying to connect at start-up.
 * @param acceptChecksumDrift Whether a changed applied revision only logs a warning instead of
 *     stopping start-up.
 * @param mode What to do at start-up: migrate (upgrade to the target) or validate (change nothing,
 *     and fail start-up naming the pending revisions when the database is not up to date).
 * @param url The JDBC URL of the database to migrate, when it is not the application's DataSource.
 * @param user The login for retort.url.
 * @param password The password for retort.url.
 */
@ConfigurationProperties("retort")
public record RetortProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("heads") String target,
    String schema,
    @DefaultValue("retort_version") String versionTable,
    @DefaultValue("5m") Duration lockTimeout,
    @DefaultValue StartupRetry startupRetry,
    boolean acceptChecksumDrift,
    @DefaultValue("migrate") Mode mode,
    String url,
    String user,
    String password) {

  /** What Retort does at start-up. */
  public enum Mode {
    /** Upgrade the database to the target. */
    MIGRATE,
    /** Change nothing; fail start-up, naming the pending revisions, when the database is behind. */
    VALIDATE
  }

  /**
   * Retrying to connect at start-up; a failed migration is never retried.
   *
   * @param attempts How many times to retry connecting after the first attempt.
   * @param backoff The first wait, doubled before each further retry.
   */
  public record StartupRetry(
      @DefaultValue("3") int attempts, @DefaultValue("2s") Duration backoff) {}
}
