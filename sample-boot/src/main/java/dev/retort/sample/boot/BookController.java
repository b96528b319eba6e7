package dev.retort.sample.boot;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /books?shelf=NAME} and {@code POST /books}. */
@RestController
public class BookController {

  private final BookRepository books;

  /** The controller over {@code books}. */
  public BookController(BookRepository books) {
    this.books = books;
  }

  /** A new book; without a shelf, it goes on {@code unsorted}. */
  public record NewBook(String title, String author, String shelf) {}

  /** The books on {@code shelf}. */
  @GetMapping("/books")
  public List<Book> onShelf(@RequestParam(defaultValue = "unsorted") String shelf) {
    return books.findByShelfOrderByTitle(shelf);
  }

  /** Saves {@code book} and returns it with its id. */
  @PostMapping("/books")
  public Book add(@RequestBody NewBook book) {
    String shelf = book.shelf() == null ? "unsorted" : book.shelf();
    return books.save(new Book(book.title(), book.author(), shelf));
  }
}
