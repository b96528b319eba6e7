package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.Retort;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Adopting a database Alembic manages: its {@code alembic_version} table, created with the DDL and
 * row that Alembic 1.8.1 itself wrote (recorded in {@code alembic/}, see its README), is read and
 * continued by {@code .versionTable("alembic_version")}: the upgrade starts after Alembic's
 * revision, the table keeps Alembic's definition and one row per head, and Retort's history table
 * is created beside it.
 */
class AlembicAdoptionTest {

  /** Alembic's table, as its own DDL wrote it on SQLite (the text SQLite keeps of it). */
  private static final String SQLITE_DDL =
      "CREATE TABLE alembic_version (\n"
          + "\tversion_num VARCHAR(32) NOT NULL, \n"
          + "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
          + ")";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anUpgradeContinuesFromAlembicsRowInAlembicsFormat(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    TestDatabase.execute(url, recorded(db));
    assertEquals(List.of("a1f3c9"), versionRows(url));
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(dir, List.of(table("a1f3c9"), table("b27e01", "a1f3c9"))))
            .url(url)
            .versionTable("alembic_version")
            .build();

    assertEquals(List.of("a1f3c9"), retort.current());
    assertEquals(List.of("b27e01"), retort.upgrade("heads").revisions());

    assertFalse(TestDatabase.tableExists(url, "t_a1f3c9"), "Alembic's revision is not run again");
    assertTrue(TestDatabase.tableExists(url, "t_b27e01"));
    assertEquals(List.of("b27e01"), versionRows(url));
    assertAlembicsDefinition(db, url);
    assertEquals(
        List.of("b27e01|up"),
        TestDatabase.column(
            url, "SELECT revision || '|' || direction FROM alembic_version_history ORDER BY id"));
    assertTrue(retort.check().upToDate());

    retort.downgrade("a1f3c9");
    assertEquals(List.of("a1f3c9"), versionRows(url));
    assertAlembicsDefinition(db, url);
  }

  private static void assertAlembicsDefinition(TestDatabase db, String url) throws SQLException {
    if (db == TestDatabase.SQLITE) {
      assertEquals(
          List.of(SQLITE_DDL),
          TestDatabase.column(
              url,
              "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"));
      return;
    }
    assertEquals(
        List.of("version_num|character varying|32|NO"),
        TestDatabase.column(
            url,
            "SELECT column_name || '|' || data_type || '|' || character_maximum_length || '|' ||"
                + " is_nullable FROM information_schema.columns"
                + " WHERE table_name = 'alembic_version'"));
    assertEquals(
        List.of("alembic_version_pkc|p"),
        TestDatabase.column(
            url,
            "SELECT conname || '|' || contype::text FROM pg_constraint"
                + " WHERE conrelid = 'alembic_version'::regclass AND contype IN ('p', 'u', 'c')"));
  }

  private static List<String> versionRows(String url) throws SQLException {
    return TestDatabase.column(url, "SELECT version_num FROM alembic_version ORDER BY version_num");
  }

  /** The statements Alembic wrote for {@code db}, in order, its comments left out. */
  private static String[] recorded(TestDatabase db) throws IOException {
    String name = "alembic/alembic-1.8.1-" + db.name().toLowerCase(Locale.ROOT) + ".sql";
    try (InputStream in = AlembicAdoptionTest.class.getResourceAsStream(name)) {
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.startsWith("--"))
              .collect(Collectors.joining("\n"));
      return Arrays.stream(text.split(";"))
          .map(String::strip)
          .filter(statement -> !statement.isEmpty())
          .toArray(String[]::new);
    }
  }
}
