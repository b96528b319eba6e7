package dev.retort.runtime.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

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

  private static boolean isSqlite(Connection connection) throws SQLException {
    return connection
        .getMetaData()
        .getDatabaseProductName()
        .toLowerCase(Locale.ROOT)
        .equals("sqlite");
  }
}
