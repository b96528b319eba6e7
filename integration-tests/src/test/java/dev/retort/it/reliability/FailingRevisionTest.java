package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A revision that changes data and schema and then fails on its last statement leaves schema and
 * data exactly as they were before it, fails the same way on every run until it is fixed, and then
 * applies. (FailureTest covers the message and the history row of a simpler failure.)
 */
class FailingRevisionTest {

  private static final String CHANGES =
      "ctx.execute(\"UPDATE accounts SET balance = balance + 100\");"
          + " ctx.execute(\"ALTER TABLE accounts ADD COLUMN note VARCHAR(20)\");"
          + " ctx.execute(\"CREATE INDEX accounts_balance ON accounts (balance)\");"
          + " ctx.execute(\"CREATE TABLE audit (id INTEGER PRIMARY KEY)\");"
          + " ctx.execute(\"INSERT INTO audit (id) VALUES (1)\");";

  private static final String BROKEN = "INSERT INTO accounts (no_such_column) VALUES (1)";

  @TempDir Path dir;

  private static List<RevisionSpec> graph(String lastStatementOfB) {
    return List.of(
        table("a")
            .withUpgrade(
                "ctx.execute(\"CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT"
                    + " NULL)\"); ctx.execute(\"INSERT INTO accounts (id, balance) VALUES (1, 10),"
                    + " (2, 20)\");"),
        table("b", "a").withUpgrade(CHANGES + " ctx.execute(\"" + lastStatementOfB + "\");"),
        table("c", "b"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRevisionFailingOnItsLastStatementChangesNothingUntilFixed(TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    Retort broken =
        Retort.builder(RegistryCompiler.compile(dir.resolve("v1"), graph(BROKEN))).url(url).build();
    broken.upgrade("a");
    Set<String> history = Set.of("retort_version_history");
    List<String> before = DbSnapshot.of(url, history);

    RetortException first = assertThrows(RetortException.class, broken::upgradeOnStartup);

    assertEquals(ErrorCode.MIGRATION_FAILED, first.code());
    String message = first.getMessage();
    assertTrue(
        message.startsWith(
            "upgrade of revision 'b' (it.generated.Revision1) failed and was rolled back; the"
                + " database is still at a. Failing SQL: "
                + BROKEN
                + ". Cause: "),
        message);
    assertTrue(message.endsWith(". Fix the revision and run the command again"), message);
    assertEquals(before, DbSnapshot.of(url, history), "schema and data unchanged");

    for (int run = 0; run < 2; run++) {
      RetortException again = assertThrows(RetortException.class, broken::upgradeOnStartup);
      assertEquals(message, again.getMessage(), "the same failure on every run");
      assertEquals(before, DbSnapshot.of(url, history));
    }
    assertEquals(
        List.of("a up true", "b up false", "b up false", "b up false"), DbState.history(url));

    Retort fixed =
        Retort.builder(
                RegistryCompiler.compile(
                    dir.resolve("v2"), graph("INSERT INTO audit (id) VALUES (2)")))
            .url(url)
            .build();
    assertEquals(List.of("b", "c"), fixed.upgradeOnStartup().revisions());
    assertEquals(List.of("c"), fixed.current());
    assertEquals(
        List.of("110", "120"),
        TestDatabase.column(url, "SELECT balance FROM accounts ORDER BY id"));
    assertEquals(List.of("1", "2"), TestDatabase.column(url, "SELECT id FROM audit ORDER BY id"));
    assertNotEquals(before, DbSnapshot.of(url, history), "the snapshot sees what b changes");
  }
}
