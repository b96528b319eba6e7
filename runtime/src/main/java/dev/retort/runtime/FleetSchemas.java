package dev.retort.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Finds the schemas of a fleet in the database: {@code --schemas-like}. */
final class FleetSchemas {

  private FleetSchemas() {}

  static List<FleetTarget> like(String jdbcUrl, String pattern) {
    FleetTarget.requirePostgresql(jdbcUrl);
    List<FleetTarget> targets = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE ? AND nspname NOT LIKE"
                    + " 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname")) {
      query.setString(1, pattern);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) targets.add(FleetTarget.schema(jdbcUrl, rs.getString(1)));
      }
    } catch (SQLException e) {
      throw new RetortException(
          ErrorCode.DATABASE_ERROR,
          "could not list the schemas like '"
              + pattern
              + "' of "
              + SafeText.mask(jdbcUrl)
              + ": "
              + SafeText.mask(e.getMessage()),
          e);
    }
    if (targets.isEmpty()) {
      throw new RetortException(
          ErrorCode.INVALID_ARGUMENT,
          "no schema of " + SafeText.mask(jdbcUrl) + " is like '" + pattern + "'");
    }
    return targets;
  }
}
