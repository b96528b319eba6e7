package dev.retort.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.boot.app.Book;
import dev.retort.boot.app.DatabaseUsers;
import dev.retort.boot.app.HandWrittenRegistry;
import dev.retort.boot.app.LibraryApp;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Real Boot applications on SQLite files and embedded PostgreSQL, migrated at start-up. */
class StartupMigrationTest {

  @TempDir Path dir;

  @Configuration(proxyBeanMethods = false)
  static class NotesModule {
    @Bean
    MigrationRegistry notes() {
      return new HandWrittenRegistry("n1", "notes", "CREATE TABLE note (id BIGINT PRIMARY KEY)");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class BrokenModule {
    @Bean
    MigrationRegistry broken() {
      return new HandWrittenRegistry("f1", "broken", "INSERT INTO no_such_table VALUES (1)");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migratesEveryRegistryBeforeJpaAndTheBeansThatUseTheDatabase(TestDatabase database)
      throws Exception {
    String url = database.freshUrl(dir);
    try (ConfigurableApplicationContext app =
        BootApps.start(
            database, url, List.of(LibraryApp.class, NotesModule.class, DatabaseUsers.class))) {
      // Hibernate validated book against the entity, so the table had its columns by then
      Book book =
          app.getBean(EntityManagerFactory.class).createEntityManager().find(Book.class, 1L);
      assertEquals("Middlemarch", book.title());
      assertEquals(
          List.of("DataSource: 1 book(s)", "JdbcTemplate: Middlemarch"),
          app.getBean(DatabaseUsers.Reads.class).titles.stream().sorted().toList());
      assertEquals(List.of("b27e01", "n1"), app.getBean(Retort.class).current());
    }
    assertEquals(
        List.of("b27e01", "n1"),
        TestDatabase.column(url, "SELECT version_num FROM retort_version ORDER BY version_num"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void disabledRunsNothing(TestDatabase database) throws Exception {
    String url = database.freshUrl(dir);
    try (ConfigurableApplicationContext app =
        BootApps.start(
            database,
            url,
            List.of(LibraryApp.class),
            "retort.enabled=false",
            "spring.jpa.hibernate.ddl-auto=none")) {
      assertTrue(app.getBeansOfType(Retort.class).isEmpty(), "no Retort bean when disabled");
    }
    assertEquals(List.of(), database.tables(url));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void validateModeRefusesABehindDatabaseNamingThePendingRevisions(TestDatabase database)
      throws Exception {
    String url = database.freshUrl(dir);
    RuntimeException failure =
        assertThrows(
            RuntimeException.class,
            () -> BootApps.start(database, url, List.of(LibraryApp.class), "retort.mode=validate"));
    DatabaseNotUpToDateException cause = rootCause(failure, DatabaseNotUpToDateException.class);
    assertEquals(
        "retort.mode=validate: the database at base is not up to date; pending revisions: a1f3c9,"
            + " b27e01; migrate it before starting the application, or set retort.mode=migrate",
        cause.getMessage());
    assertEquals(List.of(), database.tables(url), "validate changes nothing");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void validateModeStartsOnAMigratedDatabase(TestDatabase database) throws Exception {
    String url = database.freshUrl(dir);
    BootApps.start(database, url, List.of(LibraryApp.class)).close();
    try (ConfigurableApplicationContext app =
        BootApps.start(database, url, List.of(LibraryApp.class), "retort.mode=validate")) {
      assertEquals(List.of("b27e01"), app.getBean(Retort.class).current());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @ExtendWith(OutputCaptureExtension.class)
  void aFailingRevisionStopsStartUpWithRetortsMessage(TestDatabase database, CapturedOutput output)
      throws Exception {
    String url = database.freshUrl(dir);
    RuntimeException failure =
        assertThrows(
            RuntimeException.class,
            () -> BootApps.start(database, url, List.of(LibraryApp.class, BrokenModule.class)));
    RetortException cause = rootCause(failure, RetortException.class);
    assertEquals(ErrorCode.MIGRATION_FAILED, cause.code());
    assertTrue(cause.getMessage().startsWith("upgrade of revision 'f1'"), cause.getMessage());
    assertFalse(cause.getMessage().contains("\n"), "one line: " + cause.getMessage());
    // Boot's report of the failed start gives Retort's message as the reason
    assertTrue(
        output
            .getOut()
            .contains(
                "APPLICATION FAILED TO START\n***************************\n\n"
                    + "Description:\n\n"
                    + cause.getMessage()
                    + "\n"),
        output.getOut());
    assertFalse(
        TestDatabase.column(url, "SELECT version_num FROM retort_version").contains("f1"),
        "the failed revision is not recorded as applied");
  }

  @ParameterizedTest
  @ValueSource(strings = {"heads", "a1f3c9"})
  void theStartupRetryPropertiesReachTheRuntimeWhateverTheTarget(String target) throws Exception {
    TestDatabase sqlite = TestDatabase.SQLITE;
    RuntimeException failure =
        assertThrows(
            RuntimeException.class,
            () ->
                BootApps.start(
                    sqlite,
                    sqlite.freshUrl(dir),
                    List.of(LibraryApp.class),
                    // a port where nothing listens: the connection is refused, which is retried
                    "retort.url=jdbc:postgresql://localhost:1/nothing?user=nobody",
                    "retort.target=" + target,
                    "retort.startup-retry.attempts=1",
                    "retort.startup-retry.backoff=10ms",
                    "spring.jpa.hibernate.ddl-auto=none"));
    RetortException cause = rootCause(failure, RetortException.class);
    assertEquals(ErrorCode.CONNECTION_FAILED, cause.code());
    assertTrue(cause.getMessage().contains("after 2 attempts"), cause.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void targetVersionTableAndSchemaComeFromProperties(TestDatabase database) throws Exception {
    String url = database.freshUrl(dir);
    BootApps.start(
            database,
            url,
            List.of(LibraryApp.class),
            "retort.target=a1f3c9",
            "retort.version-table=shelf_version",
            // the entity's author column is not there yet
            "spring.jpa.hibernate.ddl-auto=none")
        .close();
    assertEquals(
        List.of("a1f3c9"), TestDatabase.column(url, "SELECT version_num FROM shelf_version"));
    assertFalse(database.tables(url).contains("retort_version"));
  }

  @Test
  void retortUrlNamesAnotherDatabaseThanTheApplications() throws Exception {
    TestDatabase sqlite = TestDatabase.SQLITE;
    String application = sqlite.freshUrl(dir);
    String migrated = sqlite.freshUrl(dir);
    BootApps.start(
            sqlite,
            application,
            List.of(LibraryApp.class),
            "retort.url=" + migrated,
            "spring.jpa.hibernate.ddl-auto=none")
        .close();
    assertEquals(
        List.of("b27e01"), TestDatabase.column(migrated, "SELECT version_num FROM retort_version"));
    assertEquals(List.of(), sqlite.tables(application));
  }

  @Test
  void theSchemaPropertyPlacesTheVersionTable() throws Exception {
    TestDatabase postgresql = TestDatabase.POSTGRESQL;
    String url = postgresql.freshUrl(dir);
    TestDatabase.execute(url, "CREATE SCHEMA ops");
    BootApps.start(postgresql, url, List.of(LibraryApp.class), "retort.schema=ops").close();
    assertEquals(
        List.of("b27e01"), TestDatabase.column(url, "SELECT version_num FROM ops.retort_version"));
    assertFalse(postgresql.tables(url).contains("retort_version"), "not in the public schema");
  }

  private static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
    Throwable cause = failure;
    while (cause.getCause() != null && !type.isInstance(cause)) cause = cause.getCause();
    return assertInstanceOf(type, cause, "the cause of " + failure);
  }
}
