package dev.retort.sample.boot;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The books, by Spring Data JPA. */
public interface BookRepository extends JpaRepository<Book, Integer> {

  /** The books on {@code shelf}, by title. */
  List<Book> findByShelfOrderByTitle(String shelf);
}
