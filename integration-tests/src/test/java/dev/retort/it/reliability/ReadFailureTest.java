package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database Retort cannot read is never reported as a state: a role without {@code SELECT} on the
 * version table, one without it on the history table only, and a schema that does not exist each
 * get the real cause, where before they read as "at base" or "up to date". On a real PostgreSQL
 * server, with real roles.
 */
class ReadFailureTest {

  private static final AtomicInteger ROLES = new AtomicInteger();

  @TempDir Path dir;

  private String url;
  private MigrationRegistry registry;
  private String role;

  /**
   * a <- b, b non-transactional with a downgrade that fails: the database is at b, with b's failed
   * downgrade unresolved, which {@code check} must report.
   */
  @BeforeEach
  void databaseAtBWithAnUnfinishedDowngrade() throws Exception {
    url = TestDatabase.POSTGRESQL.freshUrl(dir);
    // The embedded server's user may; one that RETORT_TEST_PG_URL names may not.
    assumeTrue(
        TestDatabase.column(
                url, "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
            .equals(List.of("t")),
        "a user that may create roles");
    registry =
        RegistryCompiler.compile(
            dir,
            List.of(
                table("a"),
                table("b", "a")
                    .nonTransactional()
                    .withDowngrade("throw new IllegalStateException(\"stop\");")));
    Retort owner = Retort.builder(registry).url(url).build();
    owner.upgrade("heads");
    assertEquals(
        ErrorCode.MIGRATION_FAILED,
        assertThrows(RetortException.class, () -> owner.downgrade("a")).code());
    assertEquals(1, owner.check().incomplete().size());
    role = "retort_reader_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
    TestDatabase.execute(url, "CREATE ROLE " + role + " LOGIN PASSWORD 'reader'");
  }

  @AfterEach
  void dropRole() throws Exception {
    if (role != null) TestDatabase.execute(url, "DROP OWNED BY " + role, "DROP ROLE " + role);
  }

  /** A Retort connecting as the role, not as the owner of the tables. */
  private Retort asRole() {
    String base = url.replaceAll("([?&])(user|password)=[^&]*&?", "$1").replaceFirst("[?&]$", "");
    String roleUrl = base + (base.contains("?") ? "&" : "?") + "user=" + role + "&password=reader";
    return Retort.builder(registry).url(roleUrl).build();
  }

  private static Map<String, Executable> commands(Retort retort) {
    Map<String, Executable> commands = new LinkedHashMap<>();
    commands.put("current", retort::current);
    commands.put("check", retort::check);
    commands.put("upgrade", () -> retort.upgrade("heads"));
    commands.put("upgradeOnStartup", retort::upgradeOnStartup);
    commands.put("stamp", () -> retort.stamp("b", false));
    return commands;
  }

  private static void eachFails(Map<String, Executable> commands, String start, String cause) {
    commands.forEach(
        (name, command) -> {
          RetortException e = assertThrows(RetortException.class, command, name);
          assertEquals(ErrorCode.DATABASE_ERROR, e.code(), name + ": " + e.getMessage());
          assertTrue(e.getMessage().startsWith(start), name + ": " + e.getMessage());
          assertTrue(e.getMessage().contains(cause), name + ": " + e.getMessage());
        });
  }

  @Test
  void aRoleThatMayNotReadTheVersionTableIsToldSoNotThatTheDatabaseIsAtBase() throws Exception {
    TestDatabase.execute(url, "GRANT SELECT ON retort_version_history TO " + role);

    eachFails(
        commands(asRole()),
        "could not read the version table \"retort_version\"",
        "permission denied for table retort_version");
  }

  @Test
  void aRoleThatMayNotReadTheHistoryIsToldSoNotThatAllIsWell() throws Exception {
    TestDatabase.execute(url, "GRANT SELECT ON retort_version TO " + role);
    Retort reader = asRole();

    assertEquals(List.of("b"), reader.current(), "the version table is readable");
    Map<String, Executable> commands = commands(reader);
    commands.remove("current");
    eachFails(
        commands,
        "could not read the history table \"retort_version_history\"",
        "permission denied for table retort_version_history");
  }

  @Test
  void aSchemaThatDoesNotExistIsNamedNotReadAsBase() throws Exception {
    Retort typo = Retort.builder(registry).url(url).schema("pubic").build();

    eachFails(
        commands(typo),
        "the schema \"pubic\" does not exist in the database",
        "check the schema Retort is given");
    assertFalse(
        TestDatabase.column(url, "SELECT nspname FROM pg_namespace").contains("pubic"),
        "nothing created it");
  }
}
