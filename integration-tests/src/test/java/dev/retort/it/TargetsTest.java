package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every target form of upgrade and downgrade, and the errors for targets that do not resolve. */
class TargetsTest {

  @TempDir Path dir;

  /** a1 <- b2 <- c3 (label main on a1), and a1 <- side4 (label side): two heads, each labelled. */
  private Retort branched(TestDatabase db) throws Exception {
    return Retort.builder(
            RegistryCompiler.compile(
                dir,
                List.of(
                    table("a1").labelled("main"),
                    table("b2", "a1"),
                    table("c3", "b2"),
                    table("side4", "a1").labelled("side"))))
        .url(db.freshUrl(dir))
        .build();
  }

  private Retort chain(TestDatabase db) throws Exception {
    return Retort.builder(
            RegistryCompiler.compile(
                dir, List.of(table("abc1"), table("abd2", "abc1"), table("xyz3", "abd2"))))
        .url(db.freshUrl(dir))
        .build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void headsAppliesEveryBranchAndHeadNamesTheHeadsWhenThereAreSeveral(TestDatabase db)
      throws Exception {
    Retort retort = branched(db);

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("head"));
    assertEquals(ErrorCode.MULTIPLE_HEADS, e.code());
    assertTrue(e.getMessage().contains("c3, side4"), e.getMessage());
    assertEquals(List.of(), retort.current());

    assertEquals(List.of("a1", "b2", "c3", "side4"), retort.upgrade("heads").revisions());
    assertEquals(List.of("c3", "side4"), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void labelAtHeadUpgradesOneBranchOnly(TestDatabase db) throws Exception {
    Retort retort = branched(db);

    assertEquals(List.of("a1", "side4"), retort.upgrade("side@head").revisions());
    assertEquals(List.of("side4"), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anIdUpgradesToItAndADowngradeRevertsWhatRevisesIt(TestDatabase db) throws Exception {
    Retort retort = branched(db);
    retort.upgrade("heads");

    assertEquals(List.of("side4", "c3", "b2"), retort.downgrade("a1").revisions());
    assertEquals(List.of("a1"), retort.current());
    assertEquals(List.of("b2"), retort.upgrade("b2").revisions());
    assertEquals(List.of("b2"), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aUniquePrefixNamesARevision(TestDatabase db) throws Exception {
    Retort retort = chain(db);

    assertEquals(List.of("abc1"), retort.upgrade("abc").revisions());
    assertEquals("xyz3", retort.show("xy").id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anAmbiguousPrefixNamesTheCandidates(TestDatabase db) throws Exception {
    Retort retort = chain(db);

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("ab"));

    assertEquals(ErrorCode.AMBIGUOUS_REVISION, e.code());
    assertEquals(
        "'ab' is the start of 2 revisions: abc1, abd2; give more characters of the id",
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anUnknownRevisionSuggestsTheNearestIds(TestDatabase db) throws Exception {
    Retort retort = chain(db);

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("xyz4"));

    assertEquals(ErrorCode.UNKNOWN_REVISION, e.code());
    assertEquals(
        "no revision 'xyz4'; did you mean xyz3? ('history' lists every revision)", e.getMessage());
    assertEquals(List.of(), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void relativeTargetsStepAlongTheChain(TestDatabase db) throws Exception {
    Retort retort = chain(db);

    assertEquals(List.of("abc1", "abd2"), retort.upgrade("+2").revisions());
    assertEquals(List.of("abd2"), retort.downgrade("-1").revisions());
    assertEquals(List.of("abc1"), retort.current());
    assertEquals(List.of("abd2", "xyz3"), retort.upgrade("abc1+2").revisions());
    assertEquals(List.of("xyz3", "abd2"), retort.downgrade("xyz3-2").revisions());
    assertEquals(List.of("abc1"), retort.downgrade("-1").revisions());
    assertEquals(List.of(), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRelativeTargetPastTheEndIsOutOfRange(TestDatabase db) throws Exception {
    Retort retort = chain(db);

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("+4"));

    assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
    assertEquals(
        "'+4' goes up 4 revisions, but the graph ends at 'xyz3' after 3 revisions; name the"
            + " target revision instead",
        e.getMessage());
    assertEquals(List.of(), retort.current());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void downgradingToARevisionThatIsNotAppliedIsRefused(TestDatabase db) throws Exception {
    Retort retort = chain(db);
    retort.upgrade("abc1");

    RetortException e = assertThrows(RetortException.class, () -> retort.downgrade("xyz3"));

    assertEquals(ErrorCode.NOT_APPLIED, e.code());
    assertEquals(
        "cannot downgrade to 'xyz3': it is not applied (the database is at abc1); use 'upgrade'"
            + " to move forward",
        e.getMessage());
  }

  /**
   * Past {@link Integer#MAX_VALUE} the step threw NumberFormatException; now it runs off the graph
   * like any step too far, and the database is left as it was.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStepTooLargeForAnIntegerIsOutOfRange(TestDatabase db) throws Exception {
    Retort retort = chain(db);
    retort.upgrade("abc1");

    RetortException up = assertThrows(RetortException.class, () -> retort.upgrade("+2147483648"));
    RetortException down =
        assertThrows(RetortException.class, () -> retort.downgrade("-99999999999"));

    assertEquals(ErrorCode.OUT_OF_RANGE, up.code());
    assertEquals(
        "'+2147483648' goes up 2147483648 revisions, but the graph ends at 'xyz3' after 2"
            + " revisions; name the target revision instead",
        up.getMessage());
    assertEquals(ErrorCode.OUT_OF_RANGE, down.code());
    assertEquals(
        "'-99999999999' goes down 99999999999 revisions, but the walk reaches base after 1"
            + " revision; name the target revision instead",
        down.getMessage());
    assertEquals(List.of("abc1"), retort.current());
  }

  /**
   * An empty target was the start of every id: with one revision, {@code upgrade("")} applied it
   * and {@code downgrade("")} reverted to it. Refused, touching nothing.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEmptyTargetIsRefusedRatherThanMatchingEveryRevision(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(RegistryCompiler.compile(dir, List.of(table("only1")))).url(url).build();

    for (RetortException e :
        List.of(
            assertThrows(RetortException.class, () -> retort.upgrade("")),
            assertThrows(RetortException.class, () -> retort.downgrade("")),
            assertThrows(RetortException.class, () -> retort.show("")))) {
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
      assertEquals(
          "the target is empty; give a revision id or the start of one, a branch label, head,"
              + " heads, base, or a relative step such as +1 or -1",
          e.getMessage());
    }
    assertEquals(List.of(), db.tables(url));
  }
}
