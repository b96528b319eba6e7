package dev.retort.it;

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
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database whose history holds checksums of the first kind (the raw source text's SHA-256, 64 hex
 * digits, which earlier versions recorded) is carried over to the registry's kind: never reported
 * as drift, recorded again once under the lock, and checked as usual from then on.
 */
class ChecksumKindTest {

  private static final String FIRST_KIND = "ab".repeat(32);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void firstKindChecksumsAreRecordedAgainOnceThenDriftIsCaughtAsUsual(TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    MigrationRegistry registry = RegistryCompiler.compile(dir.resolve("v1"), List.of(table("a")));
    String current = registry.revisions().get(0).checksum();
    assertTrue(current.startsWith("v2:"), current);
    Retort retort = Retort.builder(registry).url(url).build();
    retort.upgrade("heads");
    TestDatabase.execute(
        url,
        "UPDATE retort_version_history SET checksum = '" + FIRST_KIND + "' WHERE revision = 'a'");

    assertEquals(List.of(), retort.check().drifted(), "another kind of sum is no drift");
    StringBuilder logs = new StringBuilder();
    assertTrue(CapturedLogs.capturing(logs, retort::upgradeOnStartup).nothingToDo());

    assertEquals(List.of(current), checksums(url));
    assertEquals(
        1, count(logs, "Recorded the checksums of applied revision(s) a again"), logs::toString);
    StringBuilder again = new StringBuilder();
    CapturedLogs.capturing(again, retort::upgradeOnStartup);
    assertEquals(0, count(again, "Recorded the checksums"), again::toString);

    List<RevisionSpec> edited =
        List.of(
            table("a").withUpgrade("ctx.execute(\"CREATE TABLE t_a (id BIGINT PRIMARY KEY)\");"),
            table("b", "a"));
    Retort changed =
        Retort.builder(RegistryCompiler.compile(dir.resolve("v2"), edited)).url(url).build();
    RetortException e = assertThrows(RetortException.class, () -> changed.upgrade("heads"));
    assertEquals(ErrorCode.CHECKSUM_DRIFT, e.code());
  }

  private static List<String> checksums(String url) throws Exception {
    return TestDatabase.column(
        url, "SELECT DISTINCT checksum FROM retort_version_history WHERE revision = 'a'");
  }

  private static int count(CharSequence logs, String line) {
    return logs.toString().split(java.util.regex.Pattern.quote(line), -1).length - 1;
  }
}
