package dev.retort.runtime;

import dev.retort.runtime.engine.LockWait;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link Retort} may be told to wait, checked when the builder is told: for another
 * process's migration lock, between start-up's attempts to connect, and for locks other sessions
 * hold on what a revision changes. Each is at most a day: a lock held longer is stuck rather than
 * busy, SQLite counts its wait in milliseconds of a 32-bit number (about 24 days), and a longer
 * {@link Duration} than 292 years overflows the nanoseconds the wait is measured in.
 */
final class Waits {

  private static final Duration MOST = Duration.ofHours(24);

  private Waits() {}

  /** {@code timeout}, if it is 0 to 24 hours. */
  static Duration lockTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw invalid(
          "lockTimeout("
              + timeout
              + ") is negative; give how long to wait for another process's"
              + " migration lock, from 0 (do not wait) to 24 hours");
    }
    if (timeout.compareTo(MOST) > 0) {
      throw invalid(
          "lockTimeout("
              + timeout
              + ") is longer than 24 hours, the most Retort waits for another process's migration"
              + " lock; a lock held that long is stuck, not busy: find the process that holds it");
    }
    return timeout;
  }

  /** Checks start-up's retries: a count of 0 or more, and waits of at most 24 hours in all. */
  static void startupRetry(int retries, Duration backoff) {
    retries("startupRetry(" + retries + ", " + backoff + ")", retries, backoff, "connect once");
  }

  /**
   * How a transactional revision gives way to other sessions' locks: a statement's wait of 0 to 24
   * hours, and retries as start-up's are checked.
   */
  static LockWait ddlLockTimeout(Duration timeout, int retries, Duration backoff) {
    Objects.requireNonNull(timeout, "timeout");
    String call = "ddlLockTimeout(" + timeout + ", " + retries + ", " + backoff + ")";
    if (timeout.isNegative() || timeout.compareTo(MOST) > 0) {
      throw invalid(
          call
              + ": the timeout is "
              + (timeout.isNegative() ? "negative" : "longer than 24 hours")
              + "; give how long a statement may wait for a lock another session holds, from 0"
              + " (the database's own setting) to 24 hours, such as 5 seconds");
    }
    retries(call, retries, backoff, "run once");
    return new LockWait(timeout, retries, backoff);
  }

  /** Checks a number of retries and their doubling backoff, which may add up to 24 hours. */
  private static void retries(String call, int retries, Duration backoff, String once) {
    Objects.requireNonNull(backoff, "backoff");
    if (retries < 0) {
      throw invalid(call + ": the number of retries is negative; give 0 (" + once + ") or more");
    }
    if (backoff.isNegative()) {
      throw invalid(call + ": the backoff is negative; give the first wait, such as 2 seconds");
    }
    Duration total = Duration.ZERO;
    Duration wait = backoff;
    for (int retry = 0; retry < retries && !backoff.isZero(); retry++) {
      total = total.plus(wait);
      if (total.compareTo(MOST) > 0) {
        throw invalid(
            call
                + " would wait more than 24 hours in all (the backoff doubles at each retry);"
                + " give fewer retries or a shorter backoff");
      }
      wait = wait.multipliedBy(2);
    }
  }

  private static RetortException invalid(String message) {
    return new RetortException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
