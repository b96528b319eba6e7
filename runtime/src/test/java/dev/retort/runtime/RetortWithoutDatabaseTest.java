package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.RevisionInfo;
import dev.retort.runtime.testdb.TestMigrations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A Retort built without a database: the graph and offline SQL work, the rest says what is missing.
 */
class RetortWithoutDatabaseTest {

  private final Retort retort = Retort.builder(TestMigrations.registry()).build();

  @Test
  void theGraphNeedsNoDatabase() {
    GraphView graph = retort.graph();

    assertEquals(List.of("h8", "i9"), ids(graph.heads()));
    assertEquals(List.of("b2"), ids(graph.branchPoints()));
    assertEquals(List.of("c3", "d4"), graph.branchesInto("b2"));
    assertTrue(graph.isBranchPoint("b2"));
    assertTrue(graph.isMergePoint("e5"));
    assertFalse(graph.isMergePoint("g7"));
    assertTrue(graph.isHead("i9"));
    assertTrue(graph.isRealHead("i9"));
    assertFalse(graph.isEffectiveHead("i9"));
    assertFalse(graph.isHead("a1"));
    assertEquals(List.of("app"), graph.labels("i9"));
    assertEquals(List.of("audit"), graph.labels("g7"));
    assertEquals(List.of("e5", "d4", "c3", "b2"), ids(graph.history("b2:e5")));
    assertEquals(ids(graph.history()), ids(graph.history(null)));
    assertEquals(
        List.of("i9", "h8", "g7", "f6", "e5", "d4", "c3", "b2", "a1"), ids(graph.history()));
    assertEquals(
        List.of("i9", "e5", "d4", "c3", "b2", "h8", "g7", "a1", "f6"),
        ids(graph.drawingOrder(null)));
    assertEquals("h8", graph.show("audit@head").id());
    assertEquals(Optional.empty(), graph.find("zz"));
    assertEquals(ids(graph.heads()), ids(retort.heads()));
  }

  @Test
  void anUnknownRevisionIsATargetError() {
    RetortException e = assertThrows(RetortException.class, () -> retort.graph().show("zz"));

    assertEquals(ErrorCode.UNKNOWN_REVISION, e.code());
  }

  @Test
  void aNewRevisionIsCheckedAgainstTheGraph() {
    GraphView graph = retort.graph();

    assertEquals(List.of(), graph.problemsWith("j10", List.of("h8", "i9")));
    List<String> taken = graph.problemsWith("b2", List.of("i9"));
    assertEquals(1, taken.size(), taken.toString());
    assertTrue(taken.get(0).startsWith("[Retort/DuplicateId]"), taken.get(0));
  }

  @Test
  void commandsThatNeedADatabaseSaySo() {
    Map<String, Executable> commands =
        Map.of(
            "upgrade",
            () -> retort.upgrade("heads"),
            "downgrade",
            () -> retort.downgrade("base"),
            "upgradeOnStartup",
            retort::upgradeOnStartup,
            "stamp",
            () -> retort.stamp("heads", false),
            "current",
            retort::current,
            "check",
            retort::check);
    commands.forEach(
        (name, command) -> {
          RetortException e = assertThrows(RetortException.class, command, name);
          assertEquals(ErrorCode.NO_DATABASE, e.code(), name);
          assertEquals(
              "no database configured: build Retort with .dataSource(...) or .url(...); only"
                  + " graph() and offline SQL work without one",
              e.getMessage());
        });
  }

  @Test
  void offlineSqlNeedsOnlyTheDialect() {
    RetortException none = assertThrows(RetortException.class, () -> retort.upgradeSql("heads"));
    assertEquals(ErrorCode.NO_DATABASE, none.code());

    Retort sqlite = Retort.builder(TestMigrations.registry()).dialect("sqlite").build();
    String up = sqlite.upgradeSql("heads");
    assertTrue(up.startsWith("-- Retort offline script (sqlite): upgrade base -> heads\n"), up);
    assertTrue(up.contains("CREATE TABLE t_i9"), up);
    String down = sqlite.downgradeSql("e5:b2");
    assertTrue(down.startsWith("-- Retort offline script (sqlite): downgrade e5 -> b2\n"), down);
    assertTrue(down.indexOf("DROP TABLE t_e5") < down.indexOf("DROP TABLE t_c3"), down);
  }

  @Test
  void anOfflineDowngradeNeedsARange() {
    Retort sqlite = Retort.builder(TestMigrations.registry()).dialect("sqlite").build();

    RetortException e = assertThrows(RetortException.class, () -> sqlite.downgradeSql("base"));

    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().startsWith("an offline downgrade needs a range FROM:TO"));
  }

  @Test
  void messagesAreOneLineByConstruction() {
    Supplier<RetortException> multiLine =
        () ->
            new RetortException(
                ErrorCode.DATABASE_ERROR,
                "could not run: ERROR: syntax error\n  Position: 8\r\n",
                new IllegalStateException());

    assertEquals("could not run: ERROR: syntax error Position: 8", multiLine.get().getMessage());
  }

  @Test
  void safeTextMasksPasswordsInUrls() {
    assertEquals(
        "jdbc:postgresql://app:***@db/x?user=app&password=***&ssl=true",
        SafeText.mask("jdbc:postgresql://app:hunter2@db/x?user=app&password=hunter2&ssl=true"));
    assertEquals("a b", SafeText.oneLine(" a\n\n  b "));
  }

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }
}
