package dev.retort.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a history says before a command runs, from its entries. */
class HistoryTest {

  @Test
  void aNonTransactionalStepThatDidNotSucceedIsIncompleteUntilAStampOfItsRevision() {
    HistoryEntry running = entry("i9", Action.UP, false, Outcome.RUNNING);
    HistoryEntry failed = entry("i9", Action.DOWN, false, Outcome.FAILED);

    assertEquals(List.of(running), History.of(List.of(running)).incomplete());
    assertEquals(List.of(running, failed), History.of(List.of(running, failed)).incomplete());
    assertEquals(
        List.of(),
        History.of(List.of(running, failed, entry("i9", Action.STAMP, true, Outcome.SUCCEEDED)))
            .incomplete());
  }

  @Test
  void aStampOfAnotherRevisionResolvesNothing() {
    HistoryEntry running = entry("i9", Action.UP, false, Outcome.RUNNING);
    HistoryEntry other = entry("x1", Action.UP, false, Outcome.FAILED);

    assertEquals(
        List.of(running),
        History.of(List.of(running, other, entry("x1", Action.STAMP, true, Outcome.SUCCEEDED)))
            .incomplete());
  }

  @Test
  void aLaterSuccessfulStepOfTheRevisionResolvesIt() {
    // As a history written before stamps recorded what they resolve: n01 undone by hand, its
    // parent stamped, n01 run again.
    HistoryEntry running = entry("n01", Action.UP, false, Outcome.RUNNING);

    assertEquals(
        List.of(),
        History.of(
                List.of(
                    running,
                    entry("n00", Action.STAMP, true, Outcome.SUCCEEDED),
                    entry("n01", Action.UP, false, Outcome.SUCCEEDED)))
            .incomplete());
    HistoryEntry failedAgain = entry("n01", Action.UP, false, Outcome.FAILED);
    assertEquals(
        List.of(running, failedAgain), History.of(List.of(running, failedAgain)).incomplete());
  }

  @Test
  void aStampOfBaseResolvesEverything() {
    assertEquals(
        List.of(),
        History.of(
                List.of(
                    entry("i9", Action.UP, false, Outcome.RUNNING),
                    entry("x1", Action.UP, false, Outcome.FAILED),
                    entry(History.BASE, Action.STAMP, true, Outcome.SUCCEEDED)))
            .incomplete());
  }

  @Test
  void aFailedTransactionalStepLeftNothingBehind() {
    assertEquals(
        List.of(), History.of(List.of(entry("b2", Action.UP, true, Outcome.FAILED))).incomplete());
  }

  @Test
  void theChecksumsAreThoseOfTheLastSuccessfulUpgradeOrStamp() {
    History history =
        History.of(
            List.of(
                checksummed("a1", Action.UP, Outcome.SUCCEEDED, "one"),
                checksummed("a1", Action.DOWN, Outcome.SUCCEEDED, "two"),
                checksummed("b2", Action.UP, Outcome.SUCCEEDED, "three"),
                checksummed("b2", Action.UP, Outcome.FAILED, "four"),
                checksummed("c3", Action.STAMP, Outcome.SUCCEEDED, "five"),
                checksummed("d4", Action.UP, Outcome.SUCCEEDED, "")));

    assertEquals(Map.of("a1", "one", "b2", "three", "c3", "five"), history.checksums());
  }

  @Test
  void aRepairRecordsTheChecksumAndResolvesNoUnfinishedStep() {
    HistoryEntry running = entry("n01", Action.UP, false, Outcome.RUNNING);
    History history =
        History.of(
            List.of(
                checksummed("a1", Action.UP, Outcome.SUCCEEDED, "one"),
                running,
                HistoryEntry.repair("a1", "edited", "tester"),
                HistoryEntry.repair("n01", "n", "tester")));

    assertEquals(Map.of("a1", "edited", "n01", "n"), history.checksums());
    assertEquals(List.of(running), history.incomplete());
  }

  @Test
  void repairFitsTheDirectionColumn() {
    // direction is VARCHAR(8) in tables created by every earlier version.
    for (Action action : Action.values()) assertEquals(true, action.label().length() <= 8);
    assertEquals("repair", Action.REPAIR.label());
    assertEquals(Optional.of(Action.REPAIR), Action.stored("repair"));
  }

  @Test
  void actionsAreStoredAsTheStringsExistingTablesHold() {
    assertEquals(
        List.of("up", "down", "stamp"),
        List.of(Action.UP, Action.DOWN, Action.STAMP).stream().map(Action::label).toList());
    assertEquals(Optional.of(Action.STAMP), Action.stored("stamp"));
    assertEquals(Optional.empty(), Action.stored("sideways"));
  }

  private static HistoryEntry entry(
      String revision, Action action, boolean transactional, Outcome outcome) {
    return new HistoryEntry(
        revision, action, "", transactional, outcome, 0, "tester", null, "2026-01-01");
  }

  private static HistoryEntry checksummed(
      String revision, Action action, Outcome outcome, String checksum) {
    return new HistoryEntry(
        revision, action, checksum, true, outcome, 0, "tester", null, "2026-01-01");
  }
}
