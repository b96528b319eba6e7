package dev.retort.bench.retort;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.MigrationRegistry;
import dev.retort.bench.probe.Probe;
import dev.retort.runtime.Retort;

/**
 * Retort as an application runs it at start-up. The generated {@code RetortMain} of each workload
 * passes its registry here.
 *
 * <p>Arguments: {@code JDBC_URL}
 */
public final class RetortRun {

  private RetortRun() {}

  public static void run(MigrationRegistry registry, String[] args) throws Exception {
    try (HikariDataSource pool = Probe.pool(args[0])) {
      Probe.measure(
          () -> Retort.builder(registry).dataSource(pool, args[0]).build().upgradeOnStartup());
    }
  }
}
