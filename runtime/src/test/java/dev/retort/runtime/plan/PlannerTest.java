package dev.retort.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.engine.Catalog;
import dev.retort.runtime.testdb.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planning on the processor-compiled test graph (see the testdb package). */
class PlannerTest {

  private final Catalog catalog = Fixtures.catalog();
  private final Planner planner = catalog.planner();

  @Test
  void anUpgradeToTheHeadsAppliesEveryRevisionInTheRegistrysOrder() {
    List<Step> steps = planner.upgrade(List.of(), catalog.upgradeTarget("heads", List.of()));

    assertEquals(
        List.of("a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9"),
        steps.stream().map(s -> s.revision().id()).toList());
    assertEquals(
        List.of(
            "[] -> [a1]",
            "[a1] -> [b2]",
            "[b2] -> [c3]",
            "[c3] -> [c3, d4]",
            "[c3, d4] -> [e5]",
            "[e5] -> [e5, f6]",
            "[e5, f6] -> [e5, g7]",
            "[e5, g7] -> [e5, h8]",
            "[e5, h8] -> [h8, i9]"),
        rows(steps));
    assertEquals(Set.of(Direction.UP), Set.copyOf(steps.stream().map(Step::direction).toList()));
  }

  @Test
  void anUpgradeOfOneLineBringsWhatItDependsOnAndNothingElse() {
    List<Step> steps = planner.upgrade(List.of(), catalog.upgradeTarget("audit@head", List.of()));

    assertEquals(
        List.of("[] -> [a1]", "[a1] -> [a1, f6]", "[a1, f6] -> [g7]", "[g7] -> [h8]"), rows(steps));
  }

  @Test
  void anUpgradeAppliesOnlyWhatIsMissing() {
    List<Step> steps = planner.upgrade(List.of("c3", "g7"), List.of("e5"));

    assertEquals(List.of("[c3, g7] -> [c3, d4, g7]", "[c3, d4, g7] -> [e5, g7]"), rows(steps));
  }

  @Test
  void appliedIsEveryAncestorOfTheRows() {
    assertEquals(Set.of("a1", "b2", "c3", "f6", "g7"), planner.applied(List.of("c3", "g7")));
  }

  @Test
  void aDowngradeRevertsWhatRevisesTheTargetNewestFirstAndKeepsWhatOnlyDependsOnIt() {
    List<String> rows = List.of("e5", "g7");
    List<Step> steps = planner.downgrade(rows, catalog.downgradeTarget("b2", rows));

    assertEquals(List.of("e5", "d4", "c3"), steps.stream().map(s -> s.revision().id()).toList());
    assertEquals(
        List.of("[e5, g7] -> [c3, d4, g7]", "[c3, d4, g7] -> [c3, g7]", "[c3, g7] -> [b2, g7]"),
        rows(steps));
    assertEquals(Set.of(Direction.DOWN), Set.copyOf(steps.stream().map(Step::direction).toList()));
  }

  @Test
  void aDowngradeThroughAnIrreversibleRevisionIsRefusedWithItsReason() {
    RetortException e =
        assertThrows(
            RetortException.class,
            () ->
                planner.downgrade(
                    List.of("h8", "i9"), catalog.downgradeTarget("base", List.of("h8", "i9"))));

    assertEquals(ErrorCode.IRREVERSIBLE, e.code());
    assertEquals(
        "cannot downgrade through revision 'h8' (dev.retort.runtime.testdb.SealAuditLog): it is"
            + " irreversible: the audit log is append-only; nothing was changed. Choose a target"
            + " above it, or restore from a backup",
        e.getMessage());
  }

  @Test
  void aDowngradeToARevisionNotAppliedIsRefused() {
    RetortException e =
        assertThrows(RetortException.class, () -> catalog.downgradeTarget("c3", List.of("b2")));

    assertEquals(ErrorCode.NOT_APPLIED, e.code());
    assertEquals(
        "cannot downgrade to 'c3': it is not applied (the database is at b2); use 'upgrade' to move"
            + " forward",
        e.getMessage());
  }

  @Test
  void theRegistryCarriesWhatTheProcessorRead() {
    Step step = planner.upgrade(List.of("e5"), List.of("i9")).get(0);

    assertEquals("i9", step.revision().id());
    assertEquals(false, step.revision().transactional());
    assertEquals(
        "dev.retort.runtime.testdb.IndexPostingsConcurrently", step.revision().className());
    assertEquals(64, step.revision().checksum().length());
  }

  private static List<String> rows(List<Step> steps) {
    return steps.stream().map(s -> s.rowsBefore() + " -> " + s.rowsAfter()).toList();
  }
}
