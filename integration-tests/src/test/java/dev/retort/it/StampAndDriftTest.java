package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** stamp moves the version rows without running anything; a changed applied revision is caught. */
class StampAndDriftTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void stampRecordsARevisionWithoutRunningIt(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("a"), table("b", "a"))))
            .url(url)
            .build();

    assertEquals(List.of("b"), retort.stamp("b", false).after());

    assertEquals(List.of("b"), retort.current());
    assertFalse(TestDatabase.tableExists(url, "t_a"), "stamp runs no migration");
    assertTrue(retort.upgrade("heads").nothingToDo());
    assertEquals(List.of(), retort.stamp("base", false).after());
    assertEquals(List.of("a", "b"), retort.upgrade("heads").revisions());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRevisionChangedAfterItWasAppliedStopsTheUpgradeUnlessAccepted(TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    Retort original =
        Retort.builder(RegistryCompiler.compile(dir.resolve("v1"), List.of(table("a"))))
            .url(url)
            .build();
    original.upgrade("heads");
    List<RevisionSpec> edited =
        List.of(
            table("a").withUpgrade("ctx.execute(\"CREATE TABLE t_a (id BIGINT PRIMARY KEY)\");"),
            table("b", "a"));

    Retort changed =
        Retort.builder(RegistryCompiler.compile(dir.resolve("v2"), edited)).url(url).build();
    RetortException e = assertThrows(RetortException.class, () -> changed.upgrade("heads"));

    assertEquals(ErrorCode.CHECKSUM_DRIFT, e.code());
    assertEquals(
        "the source of applied revision a changed after it was applied; restore its source, or,"
            + " if the edit was intended, record the new checksum once with 'repair'"
            + " (Retort.repair())",
        e.getMessage());
    assertEquals(List.of("a"), changed.check().drifted());
    assertEquals(List.of("a"), changed.current());

    Retort accepting =
        Retort.builder(RegistryCompiler.compile(dir.resolve("v3"), edited))
            .url(url)
            .acceptChecksumDrift(true)
            .build();
    assertEquals(List.of("b"), accepting.upgrade("heads").revisions());
  }
}
