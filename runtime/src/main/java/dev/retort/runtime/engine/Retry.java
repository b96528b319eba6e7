package dev.retort.runtime.engine;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;
import dev.retort.runtime.dialect.ConnectFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries connecting with exponential backoff: {@code retries} more attempts after the first,
 * waiting {@code backoff}, then twice that, and so on. Only connecting is retried, never a
 * migration, and never what waiting cannot change: a login the database refused, a database that
 * does not exist on a server that is up, a URL no driver takes.
 *
 * @param retries how many times to retry after the first attempt
 * @param backoff the first wait
 */
public record Retry(int retries, Duration backoff) {

  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  /** Connect once, no retry. */
  public static final Retry NONE = new Retry(0, Duration.ZERO);

  Connection connect(ConnectionSource source) {
    Duration wait = backoff;
    for (int attempt = 0; ; attempt++) {
      try {
        return source.open();
      } catch (SQLException | RuntimeException e) {
        // Retort's own refusal (a SQLite file to read that does not exist) says all there is.
        if (e instanceof RetortException refused) throw refused;
        Hopeless hopeless = Hopeless.of(e);
        if (hopeless != null) {
          throw new RetortException(
              ErrorCode.CONNECTION_FAILED,
              "could not connect to "
                  + source.describe()
                  + ": "
                  + rootMessage(e)
                  + "; "
                  + hopeless.reason
                  + ", which waiting will not change, so this was not retried: "
                  + hopeless.advice,
              e);
        }
        if (attempt >= retries) {
          throw new RetortException(
              ErrorCode.CONNECTION_FAILED,
              "could not connect to "
                  + source.describe()
                  + (retries > 0 ? " after " + (attempt + 1) + " attempts" : "")
                  + ": "
                  + rootMessage(e)
                  + "; "
                  + (ConnectFailures.sqliteCannotOpen(e)
                      ? "check that the SQLite file's folder exists and that this user may create"
                          + " files in it"
                      : "check that the database is running and reachable"),
              e);
        }
        LOG.warn(
            "Could not connect to {} ({}); retrying in {} s ({} of {})",
            source.describe(),
            SafeText.mask(rootMessage(e)),
            wait.toMillis() / 1000.0,
            attempt + 1,
            retries);
        sleep(wait);
        wait = wait.multipliedBy(2);
      }
    }
  }

  /** A failure to connect that the same attempt would meet again, so it is not retried. */
  private enum Hopeless {
    REFUSED_LOGIN(
        ConnectFailures::refusedLogin,
        "the database refused the login",
        "check the user name and password"),
    MISSING_DATABASE(
        ConnectFailures::missingDatabase,
        "the server is up but has no database of that name",
        "create it (CREATE DATABASE) or correct the database name in the URL"),
    NO_DRIVER(
        ConnectFailures::noDriver,
        "no JDBC driver on the class path takes this URL",
        "add the database's JDBC driver (Retort supports PostgreSQL and SQLite)");

    final Predicate<Throwable> applies;
    final String reason;
    final String advice;

    Hopeless(Predicate<Throwable> applies, String reason, String advice) {
      this.applies = applies;
      this.reason = reason;
      this.advice = advice;
    }

    /** What makes {@code e} certain to fail again, or null. */
    static Hopeless of(Exception e) {
      for (Hopeless hopeless : values()) {
        if (hopeless.applies.test(e)) return hopeless;
      }
      return null;
    }
  }

  /** The message of {@code e} and of its root cause, which the driver may have put the URL in. */
  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t == e ? e.getMessage() : e.getMessage() + " (" + t.getMessage() + ")";
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetortException(ErrorCode.CONNECTION_FAILED, "interrupted while waiting to retry");
    }
  }
}
