package dev.retort.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retort's settings under {@code retort.*}.
 *
 * @param enabled whether Retort runs at start-up
 * @param target the revision to upgrade to: {@code heads}, an id, a branch label, {@code LABEL@head}
 * @param schema the schema of the version and history tables (default: the connection's)
 * @param versionTable the version table; history goes beside it, in {@code <name>_history}
 * @param lockTimeout how long to wait for another process's migration lock
 * @param startupRetry how often and how soon to retry connecting at start-up
 * @param acceptChecksumDrift whether a changed applied revision only logs a warning, not stops
 * @param mode {@code migrate} to upgrade at start-up, {@code validate} to only check that the
 *     database is up to date and fail start-up when it is not
 * @param url the JDBC URL of the database to migrate, when it is not the application's DataSource
 * @param user the login for {@code retort.url}
 * @param password the password for {@code retort.url}
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
   * @param attempts how many times to retry after the first attempt
   * @param backoff the first wait, doubled before each further retry
   */
  public record StartupRetry(@DefaultValue("3") int attempts, @DefaultValue("2s") Duration backoff) {}
}
