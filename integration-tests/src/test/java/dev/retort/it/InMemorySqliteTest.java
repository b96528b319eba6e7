package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An in-memory SQLite database lives as long as its connection. Retort opens a connection per
 * command, so by URL each command saw a new, empty database: an upgrade "succeeded" and the next
 * {@code current()} said nothing was applied. Such URLs are refused; a DataSource that keeps one
 * connection open keeps the database, and then works.
 */
class InMemorySqliteTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:sqlite::memory:",
        "jdbc:sqlite:file::memory:",
        "jdbc:sqlite::memory:?journal_mode=WAL",
        "jdbc:sqlite:file:app?mode=memory"
      })
  void aPrivateInMemoryDatabaseByUrlIsRefusedAtBuild(String url) {
    MigrationRegistry registry = RegistryCompiler.compile(dir, List.of(table("a")));

    RetortException e =
        assertThrows(RetortException.class, () -> Retort.builder(registry).url(url).build());

    assertEquals(ErrorCode.INVALID_URL, e.code());
    assertEquals(
        "the JDBC URL "
            + url
            + " names an in-memory database, which lives only as long as its connection: Retort"
            + " opens a connection for each command, so each would see a new, empty database and"
            + " an upgrade would vanish when it ends; name a file, such as"
            + " jdbc:sqlite:./data/app.db, or pass Retort.builder(...).dataSource(...) a"
            + " DataSource that keeps one connection open",
        e.getMessage());
  }

  @Test
  void aDataSourceThatKeepsOneConnectionKeepsTheDatabase() throws Exception {
    MigrationRegistry registry =
        RegistryCompiler.compile(dir, List.of(table("a"), table("b", "a")));
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite::memory:");
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(1);
    config.setMaxLifetime(0); // never retired, or the database goes with it
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Retort retort = Retort.builder(registry).dataSource(pool, "jdbc:sqlite::memory:").build();

      assertEquals(2, retort.upgradeOnStartup().revisions().size());
      assertEquals(List.of("b"), retort.current());
      assertEquals(List.of("t_a", "t_b"), tables(pool));
      retort.downgrade("a");
      assertEquals(List.of("a"), retort.current());
      assertEquals(List.of("t_a"), tables(pool));
    }
  }

  private static List<String> tables(HikariDataSource pool) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE"
                    + " '\\' ORDER BY name")) {
      while (rs.next()) names.add(rs.getString(1));
    }
    return names;
  }
}
