package dev.retort.sample.boot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A book on a shelf: the table Retort's revisions create, validated by Hibernate at start-up. */
@Entity
public class Book {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Integer id;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String author;

  @Column(nullable = false)
  private String shelf;

  protected Book() {}

  /** A new book on {@code shelf}. */
  public Book(String title, String author, String shelf) {
    this.title = title;
    this.author = author;
    this.shelf = shelf;
  }

  /** The id the database gave it; null before it is saved. */
  public Integer getId() {
    return id;
  }

  /** Its title. */
  public String getTitle() {
    return title;
  }

  /** Its author. */
  public String getAuthor() {
    return author;
  }

  /** The shelf it stands on. */
  public String getShelf() {
    return shelf;
  }
}
