package dev.retort.runtime.engine;

import java.time.Duration;

/**
 * How a transactional revision gives way to traffic on PostgreSQL: each statement waits at most
 * {@code timeout} for a lock another session holds; when one gives up, the revision is rolled back
 * and run again after {@code backoff}, then twice that, up to {@code retries} times. A statement
 * waiting for its lock blocks every query queued behind it, so waiting briefly and again later
 * keeps the application's queries flowing.
 *
 * @param timeout the longest wait of one statement, or zero for the database's own setting
 * @param retries how many times to run the revision again after it gave way
 * @param backoff the first pause before running it again
 */
public record LockWait(Duration timeout, int retries, Duration backoff) {

  /** Five seconds a statement, then up to three more tries after 2, 4 and 8 seconds. */
  public static final LockWait DEFAULT =
      new LockWait(Duration.ofSeconds(5), 3, Duration.ofSeconds(2));
}
