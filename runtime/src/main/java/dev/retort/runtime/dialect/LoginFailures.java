package dev.retort.runtime.dialect;

import java.sql.SQLException;

/**
 * Whether a failure to connect is the database refusing the login rather than not being there yet:
 * SQLSTATE class 28, invalid authorization specification (a wrong password, 28P01; a role that does
 * not exist or a {@code pg_hba.conf} rule that rejects it, 28000), which PostgreSQL and drivers of
 * other databases report. Waiting does not change that answer, so start-up does not retry it. It is
 * told apart before any dialect is known, since there is no connection to ask; SQLite has no
 * logins, so nothing it reports belongs here.
 */
public final class LoginFailures {

  private LoginFailures() {}

  /** Whether {@code failure}, or an exception behind it (such as a pool's), is a refused login. */
  public static boolean refused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("28")) {
        return true;
      }
    }
    return false;
  }
}
