package dev.retort.examples.app;

import dev.retort.examples.app.db.AppMigrations;
import dev.retort.examples.library.db.LibraryMigrations;
import dev.retort.runtime.Retort;

/** An application whose revisions depend on those of a library it uses. */
public final class App {

  private App() {}

  /**
   * Retort over the library's registry and the application's: together one graph, which the
   * processor checked when it compiled the application against the library's jar.
   */
  public static Retort retort(String url) {
    return Retort.builder(LibraryMigrations.registry(), AppMigrations.registry()).url(url).build();
  }
}
