package dev.retort.runtime.dialect;

/**
 * Failures to connect that waiting does not change, told apart before any dialect is known, since
 * there is no connection to ask.
 */
public final class ConnectFailures {

  private ConnectFailures() {}

  /**
   * SQLSTATE class 28, invalid authorization specification: a wrong password (28P01), a role that
   * does not exist or a {@code pg_hba.conf} rule that rejects it (28000). SQLite has no logins.
   */
  public static boolean refusedLogin(Throwable failure) {
    return Causes.anyState(failure, state -> state.startsWith("28"));
  }

  /** SQLSTATE 3D000: the server is up, but the database named in the URL does not exist. */
  public static boolean missingDatabase(Throwable failure) {
    return Causes.anyState(failure, "3D000"::equals);
  }

  /**
   * SQLite cannot open the file: its folder does not exist, or this user may not create files
   * there. The driver says so by SQLite's result name alone.
   */
  public static boolean sqliteCannotOpen(Throwable failure) {
    return Causes.any(
        failure, sql -> String.valueOf(sql.getMessage()).startsWith("[SQLITE_CANTOPEN]"));
  }

  /** No driver on the class path takes the URL, in DriverManager's words. */
  public static boolean noDriver(Throwable failure) {
    return Causes.any(
        failure, sql -> String.valueOf(sql.getMessage()).startsWith("No suitable driver"));
  }
}
