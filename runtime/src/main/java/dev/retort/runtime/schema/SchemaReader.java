package dev.retort.runtime.schema;

import dev.retort.runtime.dialect.Dialects;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads a schema's entries with the reader of the connection's database. */
public final class SchemaReader {

  private SchemaReader() {}

  /** The connection's current schema: {@code main} on SQLite. */
  public static String currentSchema(Connection connection) throws SQLException {
    return isSqlite(connection) ? "main" : connection.getSchema();
  }

  /** Every entry of {@code schema}, in no particular order. */
  public static List<SchemaEntry> read(Connection connection, String schema) throws SQLException {
    return isSqlite(connection)
        ? SqliteSchema.read(connection, schema)
        : PostgresSchema.read(connection, schema);
  }

  /** Whether the connection is SQLite's (else PostgreSQL's: any other database is refused). */
  public static boolean isSqlite(Connection connection) throws SQLException {
    return Dialects.of(connection).name().equals("sqlite");
  }
}
