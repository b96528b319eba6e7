package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code current()} and {@code check()} only read, so they never create a SQLite database: given a
 * file that does not exist, they name it and leave no file or folder behind, by URL (opened
 * read-only) and through a DataSource named by that URL (not asked for a connection).
 */
class ReadOnlyCommandsTest {

  @TempDir Path dir;

  @Test
  void byUrlNothingIsCreated() {
    MigrationRegistry registry = RegistryCompiler.compile(dir.resolve("src"), List.of(table("a")));
    Path file = dir.resolve("nonexistent").resolve("dir").resolve("x.db");
    Retort retort = Retort.builder(registry).url("jdbc:sqlite:" + file).build();

    assertRefused(file, Retort::current, retort);
    assertRefused(file, Retort::check, retort);
    assertFalse(Files.exists(dir.resolve("nonexistent")));
  }

  @Test
  void throughADataSourceNamedByTheUrlNothingIsCreated() throws Exception {
    MigrationRegistry registry = RegistryCompiler.compile(dir.resolve("src"), List.of(table("a")));
    Path file = dir.resolve("x.db");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + file);
    config.setInitializationFailTimeout(-1); // connects on first use, as an application's may
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Retort retort = Retort.builder(registry).dataSource(pool, "jdbc:sqlite:" + file).build();

      assertRefused(file, Retort::current, retort);
      assertRefused(file, Retort::check, retort);
      assertFalse(Files.exists(file));

      retort.upgrade("heads");
      assertEquals(List.of("a"), retort.current());
    }
  }

  private static void assertRefused(Path file, Consumer<Retort> command, Retort retort) {
    RetortException e = assertThrows(RetortException.class, () -> command.accept(retort));
    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertEquals(
        "the SQLite database file "
            + file
            + " does not exist; check the URL, or run 'upgrade' to create it",
        e.getMessage());
  }
}
