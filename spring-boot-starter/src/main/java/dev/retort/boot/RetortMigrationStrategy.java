package dev.retort.boot;

import dev.retort.runtime.Retort;

/**
 * What happens to the database at start-up, in place of what {@code retort.mode} says (Flyway's
 * {@code FlywayMigrationStrategy}): a bean of this type may upgrade, check, or do nothing. It runs
 * before JPA, jOOQ, {@code JdbcTemplate} users and {@code @DependsOnDatabaseInitialization} beans.
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

  /** Brings the database where the application needs it, with {@code retort}. */
  void migrate(Retort retort);
}
