package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.ChecksumRepair;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * repair: after an intentional edit of an applied revision, records its current checksum (of
 * whatever kind) as a history entry of its own, so that drift is caught again from there; it
 * resolves no unfinished revision.
 */
class RepairTest {

  @TempDir Path dir;

  private static final List<RevisionSpec> EDITED =
      List.of(
          table("a").withUpgrade("ctx.execute(\"CREATE TABLE t_a (id BIGINT PRIMARY KEY)\");"),
          table("b", "a"));

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void repairRecordsTheEditedChecksumAndTheUpgradeGoesOn(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    MigrationRegistry v1 = RegistryCompiler.compile(dir.resolve("v1"), List.of(table("a")));
    Retort.builder(v1).url(url).build().upgrade("heads");
    String before = v1.revisions().get(0).checksum();
    MigrationRegistry v2 = RegistryCompiler.compile(dir.resolve("v2"), EDITED);
    String after =
        v2.revisions().stream().filter(r -> r.id().equals("a")).findFirst().get().checksum();
    Retort edited = Retort.builder(v2).url(url).build();
    assertEquals(
        ErrorCode.CHECKSUM_DRIFT,
        assertThrows(RetortException.class, () -> edited.upgrade("heads")).code());

    assertEquals(List.of(new ChecksumRepair("a", before, after)), edited.repair());

    assertEquals(List.of(), edited.check().drifted());
    assertEquals(List.of("b"), edited.upgrade("heads").revisions());
    assertEquals(
        List.of("a|repair|" + after),
        TestDatabase.column(
            url,
            "SELECT revision || '|' || direction || '|' || checksum FROM retort_version_history"
                + " WHERE direction = 'repair' AND applied_by IS NOT NULL"));
    assertEquals(List.of(), edited.repair());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void repairRecordsAChecksumOfAnEarlierKindToo(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    MigrationRegistry v1 = RegistryCompiler.compile(dir.resolve("v1"), List.of(table("a")));
    Retort retort = Retort.builder(v1).url(url).build();
    retort.upgrade("heads");
    String legacy = "0".repeat(64);
    TestDatabase.execute(url, "UPDATE retort_version_history SET checksum = '" + legacy + "'");

    List<ChecksumRepair> repairs = retort.repair();

    assertEquals(
        List.of(new ChecksumRepair("a", legacy, v1.revisions().get(0).checksum())), repairs);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void repairLeavesAnUnfinishedRevisionUnresolved(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort.builder(RegistryCompiler.compile(dir.resolve("v1"), List.of(table("a"))))
        .url(url)
        .build()
        .upgrade("heads");
    Retort edited =
        Retort.builder(RegistryCompiler.compile(dir.resolve("v2"), EDITED)).url(url).build();
    // 'b' started outside a transaction and never finished, as a killed run leaves it.
    TestDatabase.execute(
        url,
        "INSERT INTO retort_version_history (revision, direction, checksum, transactional,"
            + " success, started_at) VALUES ('b', 'up', '', FALSE, NULL, CURRENT_TIMESTAMP)");

    assertEquals(1, edited.repair().size());

    assertEquals(1, edited.check().incomplete().size());
    assertEquals(
        ErrorCode.INCOMPLETE_REVISION,
        assertThrows(RetortException.class, () -> edited.upgrade("heads")).code());
  }
}
