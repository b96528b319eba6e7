package dev.retort.it.fleet;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.it.CapturedLogs;
import dev.retort.runtime.Fleet;
import dev.retort.runtime.FleetResult;
import dev.retort.runtime.FleetResult.Outcome;
import dev.retort.runtime.FleetTarget;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.testkit.EmbeddedPostgresql;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet on real servers: a thousand tenant schemas in one PostgreSQL, four servers at once, a
 * failed target reported while the others go on and finished by a second run, fail-fast and the
 * canary, and targets that never wait for each other's lock.
 */
class FleetTest {

  @TempDir Path dir;

  private String url;
  private MigrationRegistry registry;

  @BeforeEach
  void aDatabaseAndThreeRevisions() throws Exception {
    url = TestDatabase.POSTGRESQL.freshUrl(dir);
    registry = RegistryCompiler.compile(dir, List.of(table("a"), table("b", "a"), table("c", "b")));
  }

  private void schemas(String prefix, int count) throws Exception {
    TestDatabase.execute(
        url,
        "DO $$ BEGIN FOR i IN 0.."
            + (count - 1)
            + " LOOP EXECUTE format('CREATE SCHEMA "
            + prefix
            + "%s', lpad(i::text, 4, '0')); END LOOP; END $$");
  }

  private int count(String sql) throws Exception {
    return Integer.parseInt(TestDatabase.column(url, sql).get(0));
  }

  @Test
  void aThousandTenantSchemasInOneDatabase() throws Exception {
    schemas("tenant_", 1000);
    Retort template = Retort.builder(registry).build();
    List<FleetTarget> targets = Fleet.schemasLike(url, "tenant\\_%");
    assertEquals(1000, targets.size());

    FleetResult<MigrationResult> first =
        Fleet.of(template, targets).parallel(8).run(r -> r.upgrade("heads"));

    assertEquals(Map.of(Outcome.MIGRATED, 1000L), first.counts(), first.summary());
    assertEquals(1000, count("SELECT count(*) FROM pg_tables WHERE tablename = 't_c'"));
    assertEquals(
        1000,
        count(
            "SELECT count(*) FROM pg_tables WHERE tablename = 'retort_version' AND schemaname LIKE"
                + " 'tenant\\_%'"));
    assertEquals(
        List.of("c"),
        TestDatabase.column(url, "SELECT version_num FROM tenant_0999.retort_version"));

    FleetResult<MigrationResult> again =
        Fleet.of(template, targets).parallel(8).run(r -> r.upgrade("heads"));
    assertEquals(Map.of(Outcome.CURRENT, 1000L), again.counts(), again.summary());
  }

  @Test
  void aFailedTargetIsReportedTheOthersGoOnAndASecondRunFinishesIt() throws Exception {
    schemas("t_", 5);
    TestDatabase.execute(url, "CREATE TABLE t_0003.t_b (id INTEGER)"); // in revision b's way
    Fleet fleet = Fleet.of(Retort.builder(registry).build(), Fleet.schemasLike(url, "t\\_%"));
    StringBuilder logs = new StringBuilder();

    FleetResult<MigrationResult> first =
        CapturedLogs.capturing(logs, () -> fleet.run(r -> r.upgrade("heads")));

    assertEquals(Map.of(Outcome.MIGRATED, 4L, Outcome.FAILED, 1L), first.counts());
    FleetResult.Target<MigrationResult> failed = first.targets().get(3);
    assertEquals("t_0003", failed.name());
    assertTrue(
        failed.failure().orElseThrow().startsWith("upgrade of revision 'b' "),
        failed.failure().orElseThrow());
    assertEquals(
        List.of("a"), TestDatabase.column(url, "SELECT version_num FROM t_0003.retort_version"));
    assertTrue(logs.toString().contains("Target t_0003: started"), logs.toString());
    assertTrue(logs.toString().contains("Target 5 of 5 "), logs.toString());
    assertTrue(logs.toString().contains("Fleet: 5 targets in "), logs.toString());

    TestDatabase.execute(url, "DROP TABLE t_0003.t_b");
    FleetResult<MigrationResult> second = fleet.run(r -> r.upgrade("heads"));

    assertEquals(Map.of(Outcome.MIGRATED, 1L, Outcome.CURRENT, 4L), second.counts());
    assertEquals(Outcome.MIGRATED, second.targets().get(3).outcome());
  }

  @Test
  void failFastStartsNoTargetAfterAFailure() throws Exception {
    schemas("t_", 4);
    TestDatabase.execute(url, "CREATE TABLE t_0001.t_a (id INTEGER)");
    Fleet fleet =
        Fleet.of(Retort.builder(registry).build(), Fleet.schemasLike(url, "t\\_%"))
            .parallel(1)
            .failFast(true);

    FleetResult<MigrationResult> result = fleet.run(r -> r.upgrade("heads"));

    assertEquals(
        List.of(Outcome.MIGRATED, Outcome.FAILED, Outcome.SKIPPED, Outcome.SKIPPED),
        result.targets().stream().map(FleetResult.Target::outcome).toList());
    assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE schemaname = 't_0003'"));
  }

  @Test
  void aFailingCanaryStopsTheRestAndAGoodOneLetsThemRun() throws Exception {
    schemas("t_", 4);
    TestDatabase.execute(url, "CREATE TABLE t_0000.t_a (id INTEGER)");
    Retort template = Retort.builder(registry).build();
    List<FleetTarget> targets = Fleet.schemasLike(url, "t\\_%");

    FleetResult<MigrationResult> stopped =
        Fleet.of(template, targets).canary(true).run(r -> r.upgrade("heads"));

    assertEquals(Map.of(Outcome.FAILED, 1L, Outcome.SKIPPED, 3L), stopped.counts());

    TestDatabase.execute(url, "DROP TABLE t_0000.t_a");
    FleetResult<MigrationResult> ran =
        Fleet.of(template, targets).canary(true).run(r -> r.upgrade("heads"));
    assertEquals(Map.of(Outcome.MIGRATED, 4L), ran.counts());
  }

  @Test
  void targetsNeverWaitForEachOthersLock() throws Exception {
    schemas("t_", 2);
    MigrationRegistry slowInFirstSchema =
        RegistryCompiler.compile(
            dir.resolve("slow"),
            List.of(
                table("a")
                    .withUpgrade(
                        "ctx.execute(\"SELECT pg_sleep(CASE WHEN current_schema() = 't_0000' THEN 3"
                            + " ELSE 0 END)\");")));
    // No waiting at all for a migration lock: a shared lock would fail the second target.
    Retort template = Retort.builder(slowInFirstSchema).lockTimeout(Duration.ZERO).build();

    FleetResult<MigrationResult> result =
        Fleet.of(template, Fleet.schemasLike(url, "t\\_%"))
            .parallel(2)
            .run(r -> r.upgrade("heads"));

    assertEquals(Map.of(Outcome.MIGRATED, 2L), result.counts(), result.targets().toString());
    assertTrue(
        result.targets().get(1).elapsed().compareTo(Duration.ofSeconds(2)) < 0,
        "the second target waited: " + result.targets().get(1).elapsed());
  }

  @Test
  void theCommandLineRunsAVerbOnTheSchemasLikeAPattern() throws Exception {
    schemas("t_", 3);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int exit;
    try (java.io.PrintStream o = new java.io.PrintStream(out, true, "UTF-8");
        java.io.PrintStream e = new java.io.PrintStream(err, true, "UTF-8")) {
      exit =
          new dev.retort.cli.RetortCli(registry, null, o, e, Map.of())
              .run("upgrade", "heads", "--url", url, "--schemas-like", "t\\_%", "--canary");
    }

    assertEquals(0, exit, err.toString("UTF-8"));
    List<String> lines = out.toString("UTF-8").lines().toList();
    assertEquals(
        List.of("t_0000: migrated at c", "t_0001: migrated at c", "t_0002: migrated at c"),
        lines.subList(0, 3));
    assertTrue(lines.get(3).endsWith(": 3 migrated"), lines.get(3));
  }

  @Test
  void fourServersAtOnce() throws Exception {
    List<EmbeddedPostgres> servers = new ArrayList<>();
    try {
      List<FleetTarget> targets = new ArrayList<>(List.of(FleetTarget.url(url)));
      for (int i = 0; i < 3; i++) {
        EmbeddedPostgres server = EmbeddedPostgresql.builder().start();
        servers.add(server);
        targets.add(FleetTarget.url(server.getJdbcUrl("postgres", "postgres")));
      }

      FleetResult<MigrationResult> result =
          Fleet.of(Retort.builder(registry).build(), targets).run(r -> r.upgrade("heads"));

      assertEquals(Map.of(Outcome.MIGRATED, 4L), result.counts(), result.targets().toString());
      for (EmbeddedPostgres server : servers) {
        assertEquals(
            List.of("c"),
            TestDatabase.column(
                server.getJdbcUrl("postgres", "postgres"),
                "SELECT version_num FROM retort_version"));
      }
    } finally {
      for (EmbeddedPostgres server : servers) server.close();
    }
  }
}
