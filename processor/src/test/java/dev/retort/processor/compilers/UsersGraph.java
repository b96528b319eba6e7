package dev.retort.processor.compilers;

import dev.retort.processor.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A chain of three revisions, {@code p.CreateUsers <- p.AddEmail <- p.AddPhone} (ids a1, b2, c3),
 * written to files, for the tests that compile in stages as build tools do.
 */
final class UsersGraph {

  private UsersGraph() {}

  /** The three sources, written under {@code src}; returns their files. */
  static List<Path> write(Path src) throws IOException {
    List<Path> files = new ArrayList<>();
    for (JavaFileObject source : sources()) {
      Path file = src.resolve(Ecj.relativePath(source));
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getCharContent(true));
      files.add(file);
    }
    return files;
  }

  private static List<JavaFileObject> sources() {
    return List.of(
        migration("p.CreateUsers", "a1", "", "CREATE TABLE users (id INTEGER)"),
        migration("p.AddEmail", "b2", "a1", "ALTER TABLE users ADD COLUMN email TEXT"),
        migration("p.AddPhone", "c3", "b2", "ALTER TABLE users ADD COLUMN phone TEXT"));
  }

  private static JavaFileObject migration(String name, String id, String revises, String sql) {
    String simple = name.substring(name.indexOf('.') + 1);
    return Fixtures.source(
        name,
        """
        package p;

        import dev.retort.*;

        @Revision(id = "%s", revises = {%s})
        public class %s implements Migration {
          public void upgrade(MigrationContext ctx) throws Exception {
            ctx.execute("%s");
          }

          public void downgrade(MigrationContext ctx) {}
        }
        """
            .formatted(id, revises.isEmpty() ? "" : Fixtures.quoted(revises), simple, sql));
  }

  /** Replaces {@code from} with {@code to} in the source of {@code p.NAME} under {@code src}. */
  static Path edit(Path src, String name, String from, String to) throws IOException {
    Path file = src.resolve("p/" + name + ".java");
    String text = Files.readString(file);
    if (!text.contains(from)) throw new AssertionError(name + " holds no " + from);
    Files.writeString(file, text.replace(from, to));
    return file;
  }
}
