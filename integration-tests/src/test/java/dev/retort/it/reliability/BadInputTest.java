package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The items of the bad-input catalogue that no other test pins to its exact message. The others:
 * unknown target and ambiguous prefix (TargetsTest), a database at a revision the registry lacks
 * and a downgrade through an irreversible revision (FailureTest), checksum drift
 * (StampAndDriftTest), a version table name with quotes, semicolons or spaces (ConfigurationTest),
 * offline mode on a migration that needs the connection (OfflineSqlTest).
 */
class BadInputTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void headWithSeveralHeadsNamesThemAndChangesNothing(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir,
                    List.of(
                        table("a1"),
                        table("b2", "a1").labelled("main"),
                        table("c3", "a1").labelled("side"))))
            .url(url)
            .build();

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("head"));

    assertEquals(ErrorCode.MULTIPLE_HEADS, e.code());
    assertEquals(
        "'head' is ambiguous: there are 2 heads (b2, c3); name one, use 'heads' for all of them,"
            + " or a LABEL@head",
        e.getMessage());
    assertEquals(List.of(), retort.current());
    assertFalse(TestDatabase.tableExists(url, "t_a1"));
  }

  @Test
  void anEmptyRegistryIsRejectedWithWhatToCheck() {
    MigrationRegistry empty = List::<RevisionInfo>of;
    Path file = dir.resolve("never.db");

    RetortException e =
        assertThrows(
            RetortException.class, () -> Retort.builder(empty).url("jdbc:sqlite:" + file).build());

    assertEquals(ErrorCode.EMPTY_REGISTRY, e.code());
    assertEquals(
        "the registry has no revisions; annotate migration classes with @Revision and make sure"
            + " the Retort annotation processor runs (annotationProcessorPaths)",
        e.getMessage());
    assertFalse(Files.exists(file), "nothing connected");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ops\"; DROP TABLE x; --", "has space", "semi;colon", "quo'te"})
  void aSchemaThatIsNotAPlainIdentifierIsRejectedBeforeAnythingRuns(String schema) {
    Path file = dir.resolve("never.db");
    Retort.Builder builder =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .url("jdbc:sqlite:" + file);

    RetortException e = assertThrows(RetortException.class, () -> builder.schema(schema));

    assertEquals(ErrorCode.INVALID_IDENTIFIER, e.code());
    assertEquals(
        "schema '"
            + schema
            + "' is not a plain identifier; use letters, digits and '_' (not leading), at most 63"
            + " characters",
        e.getMessage());
    builder.build(); // the rejected value was not kept
    assertFalse(Files.exists(file), "nothing connected");
  }

  @Test
  void aReadOnlySqliteFileIsRefusedAndLeftAsItWas() throws Exception {
    String writable = TestDatabase.SQLITE.freshUrl(dir);
    TestDatabase.execute(writable, "CREATE TABLE keep (id INTEGER)");
    // sqlite-jdbc's read-only open mode (SQLITE_OPEN_READONLY); root ignores file permissions.
    String readOnly = writable.replace("?synchronous=OFF", "?open_mode=1");
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a")))).url(readOnly).build();
    List<String> before = DbSnapshot.of(writable, Set.of());

    RetortException e = assertThrows(RetortException.class, retort::upgradeOnStartup);

    assertEquals(ErrorCode.DATABASE_ERROR, e.code());
    assertEquals(
        "the database "
            + readOnly
            + " is read-only, so Retort cannot write its version table ([SQLITE_READONLY] Attempt"
            + " to write a readonly database (attempt to write a readonly database)); connect with"
            + " a user and URL that may write, not to a read-only replica or in a read-only mode",
        e.getMessage());
    assertEquals(before, DbSnapshot.of(writable, Set.of()));
  }

  @Test
  void aReadOnlyPostgresqlDatabaseIsRefusedAndLeftAsItWas() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    String name = url.replaceFirst(".*/([^/?]+)(\\?.*)?$", "$1");
    TestDatabase.execute(url, "ALTER DATABASE " + name + " SET default_transaction_read_only = on");
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a")))).url(url).build();

    RetortException e = assertThrows(RetortException.class, retort::upgradeOnStartup);

    assertEquals(ErrorCode.DATABASE_ERROR, e.code());
    assertEquals(
        "the database "
            + url
            + " is read-only, so Retort cannot write its version table (ERROR: cannot execute"
            + " CREATE TABLE in a read-only transaction); connect with a user and URL that may"
            + " write, not to a read-only replica or in a read-only mode",
        e.getMessage());
    assertFalse(TestDatabase.tableExists(url, "retort_version"));
  }

  @Test
  void aReadOnlySqliteFileAlreadyAtHeadStartsWithNothingToDo() throws Exception {
    String writable = TestDatabase.SQLITE.freshUrl(dir);
    MigrationRegistry registry = RegistryCompiler.compile(dir, List.of(table("a")));
    Retort.builder(registry).url(writable).build().upgradeOnStartup();
    String readOnly = writable.replace("?synchronous=OFF", "?open_mode=1");
    List<String> before = DbSnapshot.of(writable, Set.of());

    assertTrue(Retort.builder(registry).url(readOnly).build().upgradeOnStartup().nothingToDo());

    assertEquals(before, DbSnapshot.of(writable, Set.of()));
  }

  @Test
  void aReadOnlyPostgresqlDatabaseAlreadyAtHeadStartsWithNothingToDo() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    MigrationRegistry registry = RegistryCompiler.compile(dir, List.of(table("a")));
    Retort.builder(registry).url(url).build().upgradeOnStartup();
    String name = url.replaceFirst(".*/([^/?]+)(\\?.*)?$", "$1");
    TestDatabase.execute(url, "ALTER DATABASE " + name + " SET default_transaction_read_only = on");

    assertTrue(Retort.builder(registry).url(url).build().upgradeOnStartup().nothingToDo());

    assertEquals(List.of("a"), TestDatabase.column(url, "SELECT version_num FROM retort_version"));
  }
}
