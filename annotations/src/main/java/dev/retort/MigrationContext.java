package dev.retort;

import java.sql.Connection;
import java.sql.SQLException;

/** What a running {@link Migration} gets from the runtime. */
public interface MigrationContext {

  /**
   * Runs one SQL statement. In offline mode the statement is recorded into the script instead of
   * being run; prefer this method to the raw connection so that offline mode works.
   */
  void execute(String sql) throws SQLException;

  /**
   * The live connection, inside the revision's transaction when it is transactional.
   *
   * @throws IllegalStateException in offline mode, where there is no database
   */
  Connection connection();

  /** The dialect's name: {@code "postgresql"} or {@code "sqlite"}. */
  String dialect();

  /** The id of the revision being applied or reverted. */
  String revisionId();

  /** Whether statements are being recorded into an offline SQL script rather than run. */
  boolean offline();
}
