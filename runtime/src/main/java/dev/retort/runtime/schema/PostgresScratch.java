package dev.retort.runtime.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A schema of its own in a PostgreSQL database, made the URL's current schema, dropped at the end.
 * The database must hold nothing but Retort's tables, in any schema, so that a migration that names
 * another schema cannot touch a user's data either.
 */
final class PostgresScratch extends ScratchDatabase {

  /** The schemas the kit creates; one left by an interrupted run does not count as data. */
  private static final String PREFIX = "retort_scratch_";

  private final String baseUrl;
  private final String schema;

  private PostgresScratch(String baseUrl, String schema) {
    super(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    this.baseUrl = baseUrl;
    this.schema = schema;
  }

  static PostgresScratch create(String url) throws SQLException {
    PostgresScratch scratch =
        new PostgresScratch(url, PREFIX + UUID.randomUUID().toString().replace("-", ""));
    try (Connection connection = DriverManager.getConnection(url)) {
      for (String schema : userSchemas(connection)) {
        checkEmpty(url, Snapshot.of(connection, schema));
      }
      execute(connection, "CREATE SCHEMA " + scratch.schema);
    }
    return scratch;
  }

  @Override
  public void reset() throws SQLException {
    try (Connection connection = DriverManager.getConnection(baseUrl)) {
      execute(connection, "DROP SCHEMA " + schema + " CASCADE");
      execute(connection, "CREATE SCHEMA " + schema);
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection connection = DriverManager.getConnection(baseUrl)) {
      execute(connection, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> userSchemas(Connection connection) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                    + " AND nspname <> 'information_schema' AND nspname NOT LIKE '"
                    + PREFIX
                    + "%' ORDER BY nspname")) {
      while (rs.next()) schemas.add(rs.getString(1));
    }
    return schemas;
  }
}
