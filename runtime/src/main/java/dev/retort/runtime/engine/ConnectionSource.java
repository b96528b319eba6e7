package dev.retort.runtime.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** Where connections come from, and how to name the database in messages without its password. */
public interface ConnectionSource {

  /** A new connection; the caller closes it. */
  Connection open() throws SQLException;

  /** The database as it may appear in logs and errors: host and database, never a password. */
  String describe();
}
