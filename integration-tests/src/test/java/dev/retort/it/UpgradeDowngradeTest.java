package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UpgradeDowngradeTest {

  @TempDir Path dir;

  private Retort retort(TestDatabase db, String url, List<RevisionSpec> graph) {
    MigrationRegistry registry = RegistryCompiler.compile(dir, graph);
    return Retort.builder(registry).url(url).build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void upgradesAChainToHeadAndDowngradesToBase(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort = retort(db, url, List.of(table("a"), table("b", "a"), table("c", "b")));

    MigrationResult up = retort.upgrade("heads");

    assertEquals(List.of("a", "b", "c"), up.revisions());
    assertEquals(List.of("c"), up.after());
    assertEquals(List.of("c"), retort.current());
    assertTrue(TestDatabase.tableExists(url, "t_c"));

    MigrationResult down = retort.downgrade("base");

    assertEquals(List.of("c", "b", "a"), down.revisions());
    assertEquals(List.of(), retort.current());
    assertFalse(TestDatabase.tableExists(url, "t_a"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSecondUpgradeHasNothingToDo(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort = retort(db, url, List.of(table("a"), table("b", "a")));
    retort.upgrade("heads");

    MigrationResult again = retort.upgrade("heads");

    assertTrue(again.nothingToDo());
    assertEquals(List.of("b"), again.after());
  }
}
