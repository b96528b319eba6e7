package dev.retort.runtime.dialect;

import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Failures to connect that waiting does not change, told apart before any dialect is known, since
 * there is no connection to ask. Each looks through the exceptions behind the one thrown (a pool
 * wraps the driver's).
 */
public final class ConnectFailures {

  private ConnectFailures() {}

  /**
   * SQLSTATE class 28, invalid authorization specification: a wrong password (28P01), a role that
   * does not exist or a {@code pg_hba.conf} rule that rejects it (28000). SQLite has no logins.
   */
  public static boolean refusedLogin(Throwable failure) {
    return any(failure, sql -> state(sql).startsWith("28"));
  }

  /** SQLSTATE 3D000: the server is up, but the database named in the URL does not exist. */
  public static boolean missingDatabase(Throwable failure) {
    return any(failure, sql -> state(sql).equals("3D000"));
  }

  /** No driver on the class path takes the URL, in DriverManager's words. */
  public static boolean noDriver(Throwable failure) {
    return any(failure, sql -> String.valueOf(sql.getMessage()).startsWith("No suitable driver"));
  }

  private static boolean any(Throwable failure, Predicate<SQLException> test) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && test.test(sql)) return true;
    }
    return false;
  }

  private static String state(SQLException sql) {
    return sql.getSQLState() == null ? "" : sql.getSQLState();
  }
}
