package dev.retort.boot.app;

import dev.retort.MigrationRegistry;
import dev.retort.boot.app.db.TestMigrations;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A JPA application whose schema Retort manages; the tests add further configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class LibraryApp {

  @Bean
  MigrationRegistry migrations() {
    return TestMigrations.registry();
  }
}
