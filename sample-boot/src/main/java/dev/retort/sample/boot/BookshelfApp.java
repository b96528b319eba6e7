package dev.retort.sample.boot;

import dev.retort.MigrationRegistry;
import dev.retort.sample.boot.db.BookshelfMigrations;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A bookshelf web application: Retort migrates its database at start-up (a SQLite file by default,
 * the database {@code DATABASE_URL} names otherwise), then Hibernate validates the entities against
 * it.
 */
@SpringBootApplication
public class BookshelfApp {

  /** The registry the processor generated from {@code db/}; the starter takes it from here. */
  @Bean
  MigrationRegistry migrations() {
    return BookshelfMigrations.registry();
  }

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(BookshelfApp.class, args);
  }
}
