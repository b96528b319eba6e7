package dev.retort.runtime.dialect;

import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Looks through a failure and the exceptions behind it for a database error of some kind: a
 * migration or a pool may wrap the driver's exception in its own.
 */
public final class Causes {

  private Causes() {}

  /** Whether {@code failure}, or an exception behind it, is an SQLException that {@code test}. */
  public static boolean any(Throwable failure, Predicate<SQLException> test) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && test.test(sql)) return true;
    }
    return false;
  }

  /** Whether {@code failure}, or an exception behind it, has a SQLSTATE {@code test} accepts. */
  public static boolean anyState(Throwable failure, Predicate<String> test) {
    return any(failure, sql -> sql.getSQLState() != null && test.test(sql.getSQLState()));
  }
}
