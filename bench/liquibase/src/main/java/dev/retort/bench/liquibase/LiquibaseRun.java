package dev.retort.bench.liquibase;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.bench.probe.Probe;
import java.sql.Connection;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Liquibase updating from the changelog {@code changelog.xml} on the class path, one changeset per
 * revision.
 *
 * <p>Arguments: {@code JDBC_URL}
 */
public final class LiquibaseRun {

  private LiquibaseRun() {}

  public static void main(String[] args) throws Exception {
    // Offline machine: no usage reporting.
    System.setProperty("liquibase.analytics.enabled", "false");
    try (HikariDataSource pool = Probe.pool(args[0])) {
      Probe.measure(() -> update(pool));
    }
  }

  private static void update(DataSource pool) throws Exception {
    try (Connection connection = pool.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Scope.child(
          Scope.Attr.resourceAccessor.name(),
          new ClassLoaderResourceAccessor(),
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "changelog.xml")
                  .execute());
    }
  }
}
