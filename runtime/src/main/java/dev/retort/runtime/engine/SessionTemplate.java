package dev.retort.runtime.engine;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How every command that touches the database runs: connect (retrying as asked), run the command's
 * work, translate what fails into a {@link RetortException}, close (which also releases the lock).
 * Within the work, a command that writes takes the lock and runs the safety checks here, so that
 * every command does both the same way.
 */
final class SessionTemplate {

  private final Optional<ConnectionSource> source;
  private final String table;
  private final Optional<String> schema;
  private final Duration lockTimeout;
  private final LockWait lockWait;
  private final SafetyChecks checks;

  SessionTemplate(Config config, SafetyChecks checks) {
    this.source = config.source();
    this.table = config.table();
    this.schema = config.schema();
    this.lockTimeout = config.lockTimeout();
    this.lockWait = config.lockWait();
    this.checks = checks;
  }

  /** What a command does with its session. */
  @FunctionalInterface
  interface Work<T> {
    T run(Session session) throws SQLException;
  }

  /**
   * Runs {@code work} in a new session, connecting with {@code retry}; {@code command} (such as
   * {@code upgrade}) is what the session says it runs, where the database shows that.
   */
  <T> T run(String command, Retry retry, Work<T> work) {
    return run(database(), command, retry, work);
  }

  /**
   * Runs {@code work}, which only reads, in a new session that cannot create the database: a SQLite
   * file is opened read-only and one that does not exist is an error naming it.
   */
  <T> T read(String command, Work<T> work) {
    return run(database().readOnly(), command, Retry.NONE, work);
  }

  private ConnectionSource database() {
    return source.orElseThrow(
        () ->
            new RetortException(
                ErrorCode.NO_DATABASE,
                "no database configured: build Retort with .dataSource(...) or .url(...);"
                    + " only graph() and offline SQL work without one"));
  }

  private <T> T run(ConnectionSource database, String command, Retry retry, Work<T> work) {
    try (Session session = Session.open(database, table, schema, command, retry)) {
      return work.run(session);
    } catch (SQLException e) {
      throw Errors.database("database error on " + database.describe(), e);
    }
  }

  /** Takes the migration lock, waiting as long as configured. */
  void lock(Session session) {
    session.lock(lockTimeout);
  }

  /** Takes the lock, then returns the version rows once the safety checks pass. */
  List<String> lockAndCheck(Session session) {
    lock(session);
    return checks.verifiedRows(session);
  }

  /** Runs the steps of a session that holds the lock, giving way to other sessions' locks. */
  StepRunner runner(Session session) {
    return new StepRunner(session, lockWait);
  }

  /** The safety checks {@link #lockAndCheck} runs, for commands that run some of them alone. */
  SafetyChecks checks() {
    return checks;
  }

  /** The database as logs name it, passwords masked. */
  String describe() {
    return source.map(ConnectionSource::describe).orElse("(no database)");
  }
}
