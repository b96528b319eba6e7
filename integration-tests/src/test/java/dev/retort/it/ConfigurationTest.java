package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder options: table and schema names, several registries, an empty registry. */
class ConfigurationTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"v\"; DROP TABLE x; --", "has space", "semi;colon", "", "9starts"})
  void aVersionTableOrSchemaThatIsNotAPlainIdentifierIsRejected(String name) {
    Retort.Builder builder = Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))));

    RetortException table = assertThrows(RetortException.class, () -> builder.versionTable(name));
    RetortException schema = assertThrows(RetortException.class, () -> builder.schema(name));

    assertEquals(ErrorCode.INVALID_IDENTIFIER, table.code());
    assertEquals(
        "version table '"
            + name
            + "' is not a plain identifier; use letters, digits and '_' (not leading), at most 63"
            + " characters",
        table.getMessage());
    assertEquals(ErrorCode.INVALID_IDENTIFIER, schema.code());
  }

  /**
   * PostgreSQL cuts a name longer than 63 bytes short without a word: a version table of 56 to 62
   * characters got a history table of another name than documented, one of 63 got its history table
   * cut onto the version table itself. Refused before anything connects.
   */
  @ParameterizedTest
  @ValueSource(ints = {56, 62, 63})
  void aVersionTableWhoseHistoryTableNameWouldBeCutShortIsRefused(int length) throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    String name = "v".repeat(length);

    RetortException e =
        assertThrows(
            RetortException.class,
            () ->
                Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
                    .url(url)
                    .versionTable(name)
                    .build()
                    .upgrade("heads"));

    assertEquals(ErrorCode.INVALID_IDENTIFIER, e.code());
    assertEquals(
        "version table '"
            + name
            + "' is "
            + length
            + " characters long; use at most 55, so that its history table '"
            + name
            + "_history' fits in PostgreSQL's limit of 63 characters for a name; PostgreSQL cuts a"
            + " longer name short without a word, at 63 onto the version table itself",
        e.getMessage());
    assertEquals(List.of(), TestDatabase.POSTGRESQL.tables(url));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theLongestVersionTableNameKeepsItsHistoryTableBesideIt(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    String name = "v".repeat(55);

    Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
        .url(url)
        .versionTable(name)
        .build()
        .upgrade("heads");

    assertEquals(List.of("t_a", name, name + "_history"), db.tables(url));
    assertEquals(
        List.of("a"), TestDatabase.column(url, "SELECT revision FROM " + name + "_history"));
  }

  /**
   * A negative lock timeout was taken as "try once"; 300 years threw ArithmeticException from the
   * first command. Both are refused where they are given, before anything connects.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLockTimeoutOutsideZeroToADayIsRefused(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    MigrationRegistry registry = RegistryCompiler.compile(dir, List.of(table("a")));

    for (Duration timeout :
        List.of(Duration.ofSeconds(-1), Duration.ofDays(365L * 300), Duration.ofHours(25))) {
      RetortException e =
          assertThrows(
              RetortException.class,
              () -> Retort.builder(registry).url(url).lockTimeout(timeout).build().upgrade("heads"),
              timeout.toString());
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
      assertTrue(e.getMessage().startsWith("lockTimeout(" + timeout + ") is "), e.getMessage());
    }
    assertEquals(List.of(), db.tables(url));
    Retort.builder(registry).url(url).lockTimeout(Duration.ZERO).build().upgrade("heads");
    Retort.builder(registry).url(url).lockTimeout(Duration.ofHours(24)).build().upgrade("heads");
    assertEquals(List.of("a"), retortRows(url));
  }

  @Test
  void startupRetriesThatCannotBeWaitedAreRefused() {
    Retort.Builder builder = Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))));

    assertEquals(
        "startupRetry(-1, PT2S): the number of retries is negative; give 0 (connect once) or more",
        assertThrows(RetortException.class, () -> builder.startupRetry(-1, Duration.ofSeconds(2)))
            .getMessage());
    assertEquals(
        "startupRetry(3, PT-1S): the backoff is negative; give the first wait, such as 2 seconds",
        assertThrows(RetortException.class, () -> builder.startupRetry(3, Duration.ofSeconds(-1)))
            .getMessage());
    // 2 s doubling 64 times would overflow long before it was waited.
    RetortException forever =
        assertThrows(RetortException.class, () -> builder.startupRetry(64, Duration.ofSeconds(2)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, forever.code());
    assertEquals(
        "startupRetry(64, PT2S) would wait more than 24 hours in all (the backoff doubles at each"
            + " retry); give fewer retries or a shorter backoff",
        forever.getMessage());
    builder.startupRetry(15, Duration.ofSeconds(2)).startupRetry(0, Duration.ZERO).build();
  }

  /**
   * {@code jdbc:sqlite:} with no file opens a temporary database that SQLite deletes when the
   * connection closes: every command "succeeded" on a database nobody would see again.
   */
  @ParameterizedTest
  @ValueSource(strings = {"jdbc:sqlite:", "jdbc:sqlite:?journal_mode=WAL", "jdbc:sqlite:file:"})
  void aSqliteUrlWithoutAFileIsRefused(String url) {
    MigrationRegistry registry = RegistryCompiler.compile(dir, List.of(table("a")));

    RetortException e =
        assertThrows(
            RetortException.class,
            () -> Retort.builder(registry).url(url).build().upgrade("heads"));

    assertEquals(ErrorCode.INVALID_URL, e.code());
    assertEquals(
        "the JDBC URL "
            + url
            + " names no database file, so SQLite would migrate a temporary database that is"
            + " deleted when the connection closes; name the file, such as"
            + " jdbc:sqlite:./data/app.db",
        e.getMessage());
  }

  private static List<String> retortRows(String url) throws Exception {
    return TestDatabase.column(url, "SELECT version_num FROM retort_version");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aCustomVersionTableHoldsTheRows(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .url(url)
            .versionTable("schema_revisions")
            .build();

    retort.upgrade("heads");

    assertEquals(
        List.of("a"), TestDatabase.column(url, "SELECT version_num FROM schema_revisions"));
    assertTrue(TestDatabase.tableExists(url, "schema_revisions_history"));
  }

  @Test
  void aSchemaHoldsTheVersionTablesOnPostgresql() throws Exception {
    String url = TestDatabase.POSTGRESQL.freshUrl(dir);
    TestDatabase.execute(url, "CREATE SCHEMA ops");
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"))))
            .url(url)
            .schema("ops")
            .build();

    retort.upgrade("heads");

    assertEquals(
        List.of("a"), TestDatabase.column(url, "SELECT version_num FROM ops.retort_version"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void registriesOfSeveralModulesAreAppliedAsOneGraph(TestDatabase db) throws Exception {
    MigrationRegistry users =
        RegistryCompiler.compile(
            dir.resolve("users"),
            "it.users",
            List.of(table("u1").labelled("users"), table("u2", "u1")));
    MigrationRegistry billing =
        RegistryCompiler.compile(
            dir.resolve("billing"), "it.billing", List.of(table("b1").labelled("billing")));
    Retort retort = Retort.builder(users, billing).url(db.freshUrl(dir)).build();

    assertEquals(List.of("b1", "u1", "u2"), retort.upgrade("heads").revisions());
    assertEquals(List.of("b1", "u2"), retort.current());
  }

  @Test
  void registriesThatShareAnIdAreRejected() {
    MigrationRegistry one =
        RegistryCompiler.compile(dir.resolve("one"), "it.one", List.of(table("a")));
    MigrationRegistry two =
        RegistryCompiler.compile(dir.resolve("two"), "it.two", List.of(table("a")));

    RetortException e =
        assertThrows(
            RetortException.class,
            () -> Retort.builder(one, two).url("jdbc:sqlite:" + dir.resolve("x.db")).build());

    assertEquals(ErrorCode.INVALID_GRAPH, e.code());
    assertEquals(
        "the registries do not form a valid revision graph: [Retort/DuplicateId] revision id 'a' is"
            + " declared 2 times (by it.one.Revision0, it.two.Revision0); ids must be unique: give"
            + " each revision its own id",
        e.getMessage());
  }

  @Test
  void anEmptyRegistryIsRejected() {
    MigrationRegistry empty = List::<RevisionInfo>of;

    RetortException e =
        assertThrows(
            RetortException.class,
            () -> Retort.builder(empty).url("jdbc:sqlite:" + dir.resolve("x.db")).build());

    assertEquals(ErrorCode.EMPTY_REGISTRY, e.code());
  }
}
