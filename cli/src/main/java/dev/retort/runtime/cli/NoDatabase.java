package dev.retort.runtime.cli;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Stands in for the database when no URL is given: the verbs that only read the registry ({@code
 * heads}, {@code history}, {@code show}...) never connect, and the others fail with a message that
 * says how to name the database.
 */
final class NoDatabase implements DataSource {

  static final String MESSAGE =
      "no database given: pass --url JDBC_URL or set the DATABASE_URL environment variable";

  @Override
  public Connection getConnection() {
    throw new RetortException(ErrorCode.CONNECTION_FAILED, MESSAGE);
  }

  @Override
  public Connection getConnection(String username, String password) {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
