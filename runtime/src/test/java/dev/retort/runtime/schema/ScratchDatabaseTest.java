package dev.retort.runtime.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scratch database never holds a user's data, and is gone when closed. */
class ScratchDatabaseTest {

  private static final String SCHEMAS =
      "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' ORDER BY nspname";

  @TempDir Path dir;

  @Test
  void aSqliteFileWithDataIsRefusedUntouched() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir);
    TestDatabase.execute(url, "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('x')");
    Path file = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", ""));
    byte[] before = Files.readAllBytes(file);

    RetortException e = assertThrows(RetortException.class, () -> ScratchDatabase.open(url));

    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("is not empty (it holds table notes;"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of("x"), TestDatabase.column(url, "SELECT body FROM notes"));
  }

  @Test
  void aPostgresqlDatabaseWithDataInAnySchemaIsRefusedUntouched() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    TestDatabase.execute(
        url,
        "CREATE SCHEMA app",
        "CREATE TABLE app.notes (body TEXT)",
        "INSERT INTO app.notes VALUES ('x')");
    List<String> schemas = TestDatabase.column(url, SCHEMAS);

    RetortException e = assertThrows(RetortException.class, () -> ScratchDatabase.open(url));

    assertTrue(e.getMessage().contains("is not empty (it holds table notes;"), e.getMessage());
    assertEquals(schemas, TestDatabase.column(url, SCHEMAS));
    assertEquals(List.of("x"), TestDatabase.column(url, "SELECT body FROM app.notes"));
  }

  @Test
  void aNewSqliteFileIsDeletedWhenDone() throws Exception {
    Path file = dir.resolve("scratch.db");
    try (ScratchDatabase scratch = ScratchDatabase.open("jdbc:sqlite:" + file)) {
      TestDatabase.execute(scratch.url(), "CREATE TABLE t (id INTEGER)");
      assertFalse(scratch.snapshot().isEmpty());
      scratch.reset();
      assertTrue(scratch.snapshot().isEmpty());
      TestDatabase.execute(scratch.url(), "CREATE TABLE t (id INTEGER)");
    }
    try (var left = Files.list(dir)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void anExistingSqliteFileHoldingOnlyRetortsTablesIsEmptiedWhenDone() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir);
    TestDatabase.execute(url, "CREATE TABLE retort_version (version_num VARCHAR(255))");
    try (ScratchDatabase scratch = ScratchDatabase.open(url)) {
      TestDatabase.execute(scratch.url(), "CREATE TABLE t (id INTEGER)");
    }
    assertEquals(List.of(), TestDatabase.SQLITE.tables(url));
  }

  @Test
  void aPostgresqlScratchIsASchemaOfItsOwnDroppedWhenDone() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    TestDatabase.execute(url, "CREATE TABLE retort_version (version_num VARCHAR(255))");
    List<String> schemas = TestDatabase.column(url, SCHEMAS);
    try (ScratchDatabase scratch = ScratchDatabase.open(url)) {
      TestDatabase.execute(scratch.url(), "CREATE TABLE t (id INTEGER)");
      assertEquals(List.of("retort_version"), TestDatabase.POSTGRESQL.tables(url));
      assertEquals(schemas.size() + 1, TestDatabase.column(url, SCHEMAS).size());
      scratch.reset();
      assertTrue(scratch.snapshot().isEmpty());
    }
    assertEquals(schemas, TestDatabase.column(url, SCHEMAS));
  }

  @Test
  void anotherKindOfUrlIsRefused() {
    RetortException e =
        assertThrows(
            RetortException.class, () -> ScratchDatabase.open("jdbc:mysql://u:secret@h/db"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }
}
