package dev.retort.test;

import java.sql.Connection;

/** Work a test does on the scratch database, such as seeding rows or asserting them. */
@FunctionalInterface
public interface DatabaseStep {

  /** Does the work on {@code connection} (auto-commit, closed afterwards by the kit). */
  void run(Connection connection) throws Exception;
}
