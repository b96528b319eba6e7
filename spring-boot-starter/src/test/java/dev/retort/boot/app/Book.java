package dev.retort.boot.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The entity that Hibernate validates against the migrated table. */
@Entity
public class Book {
  @Id private Long id;
  private String title;
  private String author;

  protected Book() {}

  public String title() {
    return title;
  }

  public String author() {
    return author;
  }
}
