package dev.retort.it.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQLite's table rebuild under the operations it cannot do in place: a table with 10,000 rows, an
 * index, a trigger, a view and two child tables whose foreign keys point at it keeps all of them,
 * with foreign-key enforcement on or off; what goes with a dropped column goes, as on PostgreSQL.
 */
class SqliteRebuildTest {

  private static final String S = "dev.retort.schema.";

  /** accounts with children, an index, a trigger and a view, made with plain SQL. */
  private static final RevisionSpec SCHEMA =
      new RevisionSpec(
          "a",
          List.of(),
          List.of(),
          List.of(),
          execute(
              "CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, balance INTEGER"
                  + " DEFAULT 0, note TEXT, CONSTRAINT ck_owner CHECK (length(owner) > 0))",
              "CREATE INDEX ix_accounts_owner ON accounts (owner)",
              "CREATE INDEX ix_accounts_note ON accounts (note)",
              "CREATE TABLE audit (account INTEGER, change TEXT)",
              "CREATE TRIGGER tr_balance AFTER UPDATE OF balance ON accounts BEGIN INSERT INTO"
                  + " audit VALUES (new.id, 'balance'); END",
              "CREATE VIEW rich AS SELECT id, owner FROM accounts WHERE balance > 5000",
              "CREATE TABLE cards (id INTEGER PRIMARY KEY, account INTEGER NOT NULL REFERENCES"
                  + " accounts (id) ON DELETE CASCADE)",
              "CREATE TABLE loans (id INTEGER PRIMARY KEY, account INTEGER REFERENCES accounts"
                  + " (id))",
              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                  + " INSERT INTO accounts (id, owner, balance, note) SELECT i, 'owner' || i, i,"
                  + " 'n' FROM n",
              "INSERT INTO cards (account) SELECT id FROM accounts WHERE id % 2 = 0",
              "INSERT INTO loans (account) SELECT id FROM accounts WHERE id % 10 = 0"),
          "ctx.execute(\"DROP TABLE loans\"); ctx.execute(\"DROP TABLE cards\");"
              + " ctx.execute(\"DROP VIEW rich\"); ctx.execute(\"DROP TABLE audit\");"
              + " ctx.execute(\"DROP TABLE accounts\");",
          true);

  @TempDir Path dir;

  private static String execute(String... statements) {
    StringBuilder body = new StringBuilder();
    for (String sql : statements)
      body.append("ctx.execute(\"").append(sql.replace("\"", "\\\"")).append("\");");
    return body.toString();
  }

  private static RevisionSpec change(String upgrade, String downgrade) {
    return new RevisionSpec("b", List.of("a"), List.of(), List.of(), upgrade, downgrade, true);
  }

  private Retort retort(String url, RevisionSpec change) {
    return Retort.builder(RegistryCompiler.compile(dir, List.of(SCHEMA, change))).url(url).build();
  }

  @ParameterizedTest(name = "foreign_keys={0}")
  @ValueSource(booleans = {true, false})
  void aColumnTypeChangeKeepsRowsIndexesTriggersViewsAndChildren(boolean foreignKeys)
      throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir) + "&foreign_keys=" + foreignKeys;
    Retort retort =
        retort(
            url,
            change(
                "ctx.alterColumn(\"accounts\", \"balance\", "
                    + S
                    + "ColumnChange.of().type("
                    + S
                    + "Type.decimal(12, 2)).notNull().serverDefault("
                    + S
                    + "Default.value(1)));",
                "ctx.alterColumn(\"accounts\", \"balance\", "
                    + S
                    + "ColumnChange.of().type("
                    + S
                    + "Type.integer()).nullable().serverDefault("
                    + S
                    + "Default.value(0)));"));

    retort.upgrade("heads");

    assertEquals(
        List.of(
            "CREATE TABLE \"accounts\" (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, balance"
                + " NUMERIC(12, 2) NOT NULL DEFAULT 1, note TEXT, CONSTRAINT ck_owner CHECK"
                + " (length(owner) > 0))"),
        TestDatabase.column(url, "SELECT sql FROM sqlite_master WHERE name = 'accounts'"));
    assertEquals(List.of("10000"), TestDatabase.column(url, "SELECT count(*) FROM accounts"));
    assertEquals(List.of("5000"), TestDatabase.column(url, "SELECT count(*) FROM cards"));
    assertEquals(List.of("1000"), TestDatabase.column(url, "SELECT count(*) FROM loans"));
    assertEquals(
        List.of("ix_accounts_note", "ix_accounts_owner"), TestDatabase.SQLITE.indexes(url));
    assertEquals(List.of("5000"), TestDatabase.column(url, "SELECT count(*) FROM rich"));
    TestDatabase.execute(url, "UPDATE accounts SET balance = 3 WHERE id = 1");
    assertEquals(List.of("1"), TestDatabase.column(url, "SELECT count(*) FROM audit"), "trigger");
    assertEquals(List.of(), TestDatabase.column(url, "PRAGMA foreign_key_check"));
    assertEquals(List.of(foreignKeys ? "1" : "0"), TestDatabase.column(url, "PRAGMA foreign_keys"));
    if (foreignKeys) {
      assertThrows(
          SQLException.class,
          () -> TestDatabase.execute(url, "INSERT INTO cards (account) VALUES (20001)"),
          "the children's foreign keys still point at the rebuilt table");
    }

    retort.downgrade("a");
    assertEquals(
        List.of(
            "CREATE TABLE \"accounts\" (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, balance"
                + " INTEGER DEFAULT 0, note TEXT, CONSTRAINT ck_owner CHECK (length(owner) > 0))"),
        TestDatabase.column(url, "SELECT sql FROM sqlite_master WHERE name = 'accounts'"));
    assertEquals(List.of("5000"), TestDatabase.column(url, "SELECT count(*) FROM cards"));
  }

  @Test
  void aDroppedColumnTakesItsIndexesAndConstraintsAlong() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir) + "&foreign_keys=true";
    Retort retort =
        retort(
            url,
            change(
                "ctx.dropColumn(\"accounts\", \"note\"); ctx.dropConstraint(\"accounts\","
                    + " \"ck_owner\");",
                "ctx.addColumn(\"accounts\", "
                    + S
                    + "Column.of(\"note\", "
                    + S
                    + "Type.text()));"));

    retort.upgrade("heads");

    assertEquals(
        List.of(
            "CREATE TABLE \"accounts\" (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, balance"
                + " INTEGER DEFAULT 0)"),
        TestDatabase.column(url, "SELECT sql FROM sqlite_master WHERE name = 'accounts'"));
    assertEquals(List.of("ix_accounts_owner"), TestDatabase.SQLITE.indexes(url));
    assertEquals(List.of("10000"), TestDatabase.column(url, "SELECT count(*) FROM accounts"));
    assertEquals(List.of("5000"), TestDatabase.column(url, "SELECT count(*) FROM cards"));
  }

  @Test
  void addingAForeignKeyChecksTheRowsBeforeCommit() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir) + "&foreign_keys=true";
    Retort retort =
        retort(
            url,
            change(
                "ctx.execute(\"INSERT INTO audit VALUES (99999, 'orphan')\");"
                    + " ctx.createForeignKey("
                    + S
                    + "ForeignKey.named(\"fk_audit_account\").from(\"audit\","
                    + " \"account\").to(\"accounts\", \"id\"));",
                "ctx.dropConstraint(\"audit\", \"fk_audit_account\");"));

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertTrue(e.getMessage().contains("1 row of table audit refers"), e.getMessage());
    assertEquals(
        List.of("CREATE TABLE audit (account INTEGER, change TEXT)"),
        TestDatabase.column(url, "SELECT sql FROM sqlite_master WHERE name = 'audit'"),
        "rolled back");
  }

  @Test
  void aConstraintWithoutANameCannotBeDropped() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir);
    Retort retort = retort(url, change("ctx.dropConstraint(\"accounts\", \"nope\");", ""));

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertTrue(
        e.getMessage()
            .contains(
                "table accounts has no constraint named nope; SQLite knows a constraint by name"
                    + " only when it was created with CONSTRAINT name"),
        e.getMessage());
  }
}
