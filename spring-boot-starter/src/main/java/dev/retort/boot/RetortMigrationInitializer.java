package dev.retort.boot;

import dev.retort.runtime.Retort;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the start-up strategy when the bean is created. Boot's database-initialization ordering
 * ({@link RetortDatabaseInitializerDetector}) creates it before every bean that uses the database.
 */
public final class RetortMigrationInitializer implements InitializingBean {

  private final Retort retort;
  private final RetortMigrationStrategy strategy;

  /** Runs {@code strategy} with {@code retort} on start-up. */
  public RetortMigrationInitializer(Retort retort, RetortMigrationStrategy strategy) {
    this.retort = retort;
    this.strategy = strategy;
  }

  @Override
  public void afterPropertiesSet() {
    strategy.migrate(retort);
  }
}
