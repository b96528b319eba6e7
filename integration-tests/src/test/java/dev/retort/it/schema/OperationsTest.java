package dev.retort.it.schema;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One set of revisions written with the schema operations only, run on SQLite and PostgreSQL: the
 * same tables, columns (types mapped), nullability, defaults, keys and indexes on both, and back to
 * an empty schema on the way down.
 */
class OperationsTest {

  /** The package of the operations, spelled out: test revisions import only dev.retort.*. */
  private static final String S = "dev.retort.schema.";

  private static final RevisionSpec TABLES =
      new RevisionSpec(
          "a",
          List.of(),
          List.of(),
          List.of(),
          "ctx.createTable(\"users\","
              + col("id", "bigint()")
              + ".identity(),"
              + col("email", "varchar(200)")
              + ".notNull().unique(),"
              + col("active", "bool()")
              + ".notNull().serverDefault("
              + S
              + "Default.value(true)),"
              + col("created_at", "timestamptz()")
              + ".notNull().serverDefault("
              + S
              + "Default.now()),"
              + col("balance", "decimal(10, 2)")
              + ".serverDefault("
              + S
              + "Default.value(0)));"
              + "ctx.createTable(\"posts\","
              + col("id", "bigint()")
              + ".identity(),"
              + col("user_id", "bigint()")
              + ".notNull().references(\"users\", \"id\", \"CASCADE\"),"
              + col("title", "text()")
              + ".notNull(),"
              + col("body", "json()")
              + ");"
              + "ctx.createIndex("
              + S
              + "Index.named(\"ix_posts_user\").on(\"posts\", \"user_id\"));",
          "ctx.dropTable(\"posts\"); ctx.dropTable(\"users\");",
          true);

  private static final RevisionSpec CHANGES =
      new RevisionSpec(
          "b",
          List.of("a"),
          List.of(),
          List.of(),
          "ctx.addColumn(\"users\","
              + col("phone", "varchar(20)")
              + ");"
              + "ctx.alterColumn(\"users\", \"email\", "
              + S
              + "ColumnChange.of().type("
              + S
              + "Type.text()));"
              + "ctx.createCheckConstraint(\"ck_users_balance\", \"users\", \"balance >= 0\");"
              + "ctx.createUniqueConstraint(\"uq_posts_title\", \"posts\", \"user_id\", \"title\");"
              + "ctx.bulkInsert(\"users\", java.util.List.of(\"email\", \"balance\"),"
              + " java.util.List.of(java.util.List.of(\"a@example.com\", 5),"
              + " java.util.List.of(\"b@example.com\", 7)));",
          "ctx.execute(\"DELETE FROM users\");"
              + "ctx.dropConstraint(\"posts\", \"uq_posts_title\");"
              + "ctx.dropConstraint(\"users\", \"ck_users_balance\");"
              + "ctx.alterColumn(\"users\", \"email\", "
              + S
              + "ColumnChange.of().type("
              + S
              + "Type.varchar(200)));"
              + "ctx.dropColumn(\"users\", \"phone\");",
          true);

  @TempDir Path dir;

  private static String col(String name, String type) {
    return S + "Column.of(\"" + name + "\", " + S + "Type." + type + ")";
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theSameRevisionsBuildTheSameSchemaAndGoBackToEmpty(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(TABLES, CHANGES))).url(url).build();

    retort.upgrade("a");
    assertEquals(
        List.of(
            "posts: body text null, id integer not null, title text not null, user_id integer not"
                + " null",
            "users: active boolean not null default, balance decimal null default, created_at"
                + " timestamp not null default, email text not null, id integer not null"),
        Schema.of(db, url).columns());
    assertEquals(List.of("ix_posts_user"), db.indexes(url));

    retort.upgrade("b");
    assertEquals(
        "users: active boolean not null default, balance decimal null default, created_at"
            + " timestamp not null default, email text not null, id integer not null, phone text"
            + " null",
        Schema.of(db, url).columns().get(1));
    assertEquals(List.of("2"), TestDatabase.column(url, "SELECT count(*) FROM users"));
    SQLException negative =
        assertThrows(
            SQLException.class,
            () -> TestDatabase.execute(url, "UPDATE users SET balance = -1"),
            "the check constraint holds");
    assertTrue(
        negative.getMessage().toLowerCase(Locale.ROOT).contains("ck_users_balance"),
        negative.getMessage());
    assertEquals(List.of("ix_posts_user"), userIndexes(db, url));

    retort.downgrade("base");
    assertEquals(List.of("retort_version", "retort_version_history"), db.tables(url));
  }

  /** The indexes the revisions made, without those constraints make. */
  private static List<String> userIndexes(TestDatabase db, String url) throws SQLException {
    return db.indexes(url).stream().filter(i -> i.startsWith("ix_")).toList();
  }

  @Test
  void anOfflineScriptRendersOperationsForPostgresqlAndRefusesASqliteRebuild() {
    MigrationRegistry registry = RegistryCompiler.compile(dir, List.of(TABLES, CHANGES));

    String postgresql = Retort.builder(registry).dialect("postgresql").build().upgradeSql("heads");
    assertTrue(
        postgresql.contains(
            "CREATE TABLE users (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"),
        postgresql);
    assertTrue(postgresql.contains("ALTER TABLE users ALTER COLUMN email TYPE text;"), postgresql);

    RetortException sqlite =
        assertThrows(
            RetortException.class,
            () -> Retort.builder(registry).dialect("sqlite").build().upgradeSql("heads"));
    assertEquals(ErrorCode.OFFLINE_UNSUPPORTED, sqlite.code());
    assertTrue(
        sqlite.getMessage().contains("changes table users in a way SQLite does by rebuilding"),
        sqlite.getMessage());
  }

  @Test
  void aNonTransactionalRevisionBuildsItsIndexConcurrentlyOnPostgresql() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    RevisionSpec index =
        new RevisionSpec(
            "b",
            List.of("a"),
            List.of(),
            List.of(),
            "ctx.createIndex(" + S + "Index.named(\"ix_a\").on(\"t_a\", \"id\"));",
            "ctx.dropIndex(\"ix_a\");",
            false);
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"), index))).url(url).build();

    assertTrue(retort.upgradeSql("heads").contains("CREATE INDEX CONCURRENTLY ix_a ON t_a (id);"));
    retort.upgrade("heads");
    assertEquals(List.of("ix_a"), TestDatabase.POSTGRESQL.indexes(url));
    retort.downgrade("a");
    assertEquals(List.of(), TestDatabase.POSTGRESQL.indexes(url));
  }

  /** Each table's columns, as a portable summary: name, type family, nullability, a default. */
  private record Schema(List<String> columns) {

    static Schema of(TestDatabase db, String url) throws SQLException {
      TreeMap<String, List<String>> tables = new TreeMap<>();
      try (Connection c = DriverManager.getConnection(url)) {
        for (String table : db.tables(url)) {
          if (table.startsWith("retort_")) continue;
          List<String> columns = new ArrayList<>();
          try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
              columns.add(
                  rs.getString("COLUMN_NAME")
                      + " "
                      + family(rs.getString("TYPE_NAME"))
                      + (rs.getInt("NULLABLE") == java.sql.DatabaseMetaData.columnNoNulls
                          ? " not null"
                          : " null")
                      + (rs.getString("COLUMN_DEF") == null
                              || rs.getString("COLUMN_DEF").startsWith("nextval")
                          ? ""
                          : " default"));
            }
          }
          columns.sort(null);
          tables.put(table, columns);
        }
      }
      List<String> lines = new ArrayList<>();
      tables.forEach((table, columns) -> lines.add(table + ": " + String.join(", ", columns)));
      return new Schema(lines);
    }

    /** The family of a type name, as the two databases spell the mapped types. */
    private static String family(String type) {
      String t = type.toLowerCase(Locale.ROOT);
      if (t.startsWith("int") || t.startsWith("bigint") || t.equals("int8") || t.equals("int4")) {
        return "integer";
      }
      if (t.startsWith("bool")) return "boolean";
      if (t.startsWith("numeric") || t.startsWith("decimal")) return "decimal";
      if (t.startsWith("timestamp")) return "timestamp";
      if (t.startsWith("json")) return "text"; // SQLite keeps JSON as its text
      if (t.startsWith("text") || t.startsWith("varchar")) return "text";
      return t;
    }
  }
}
