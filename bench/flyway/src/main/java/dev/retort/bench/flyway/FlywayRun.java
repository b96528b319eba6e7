package dev.retort.bench.flyway;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.bench.probe.Probe;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Flyway with Java migrations, found either by scanning the class path ({@link #main}) or given
 * explicitly by the generated {@code FlywayExplicitMain} of each workload ({@link #explicit}).
 *
 * <p>Arguments: {@code JDBC_URL}
 */
public final class FlywayRun {

  /** Where the generated migration classes live. */
  private static final String LOCATION = "classpath:bench/generated/flyway";

  private FlywayRun() {}

  /** Scans {@value #LOCATION} for migrations, as Flyway does by default. */
  public static void main(String[] args) throws Exception {
    try (HikariDataSource pool = Probe.pool(args[0])) {
      Probe.measure(() -> Flyway.configure().dataSource(pool).locations(LOCATION).load().migrate());
    }
  }

  /** Runs {@code migrations}, with scanning turned off. */
  public static void explicit(JavaMigration[] migrations, String[] args) throws Exception {
    try (HikariDataSource pool = Probe.pool(args[0])) {
      Probe.measure(
          () ->
              Flyway.configure()
                  .dataSource(pool)
                  .locations(new String[0])
                  .javaMigrations(migrations)
                  .load()
                  .migrate());
    }
  }
}
