package dev.retort.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link RetortMigrationInitializer} initializes the database, so that the
 * EntityManagerFactory, jOOQ's DSLContext, JdbcTemplates and {@code
 * DependsOnDatabaseInitialization} beans are created after it (registered in {@code
 * META-INF/spring.factories}, as Boot's own Flyway and Liquibase support are).
 */
public final class RetortDatabaseInitializerDetector
    extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(RetortMigrationInitializer.class);
  }
}
