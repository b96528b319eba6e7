package dev.retort.boot;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.Retort;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Migrates the database with the application's {@link MigrationRegistry} beans at start-up, before
 * anything that uses it. The registries come from the application's own bean methods ({@code @Bean
 * MigrationRegistry migrations() { return Migrations.registry(); }}): nothing is scanned.
 */
@AutoConfiguration(
    // the DataSource auto-configuration of Boot 4, and of Boot 3
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
    })
@ConditionalOnBean(MigrationRegistry.class)
@ConditionalOnProperty(prefix = "retort", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
public class RetortAutoConfiguration {

  /** Retort over every registry bean (one graph) and the configured database. */
  @Bean
  @ConditionalOnMissingBean
  public Retort retort(
      ObjectProvider<MigrationRegistry> registries,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<RetortBuilderCustomizer> customizers,
      RetortProperties properties) {
    Retort.Builder builder =
        Retort.builder(registries.orderedStream().toArray(MigrationRegistry[]::new));
    if (properties.url() != null) {
      builder.url(properties.url(), properties.user(), properties.password());
    } else {
      builder.dataSource(
          dataSource.getIfUnique(
              () -> {
                throw new IllegalStateException(
                    "Retort needs one DataSource bean, or retort.url naming the database");
              }));
    }
    builder
        .versionTable(properties.versionTable())
        .lockTimeout(properties.lockTimeout())
        .startupRetry(properties.startupRetry().attempts(), properties.startupRetry().backoff())
        .acceptChecksumDrift(properties.acceptChecksumDrift());
    if (properties.schema() != null) builder.schema(properties.schema());
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /** Runs the application's strategy bean, else what {@code retort.mode} says, at start-up. */
  @Bean
  @ConditionalOnMissingBean
  public RetortMigrationInitializer retortMigrationInitializer(
      Retort retort,
      ObjectProvider<RetortMigrationStrategy> strategy,
      RetortProperties properties) {
    return new RetortMigrationInitializer(
        retort, strategy.getIfAvailable(() -> new PropertiesMigrationStrategy(properties)));
  }
}
