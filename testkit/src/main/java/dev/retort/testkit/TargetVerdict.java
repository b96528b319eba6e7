package dev.retort.testkit;

import dev.retort.testkit.TargetGraph.TargetScenario;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How Retort's outcome of a recorded target scenario compares with Alembic's: it agrees (the same
 * refusal, or the same applied set and version rows), or it holds the sound outcome listed for the
 * scenario ({@link TargetConformance#soundOutcomes}), or it disagrees.
 *
 * @param kind which of the three
 * @param detail for a disagreement, what differs; else empty
 */
public record TargetVerdict(Kind kind, String detail) {

  /** The three verdicts. */
  public enum Kind {
    /** As Alembic did. */
    AGREES,
    /** As the sound-outcomes list says, where Alembic is wrong or Retort departs on purpose. */
    SOUND,
    /** Neither. */
    DISAGREES
  }

  /**
   * Judges one outcome.
   *
   * @param graph the graph's name
   * @param scenario the recorded scenario
   * @param sound the sound-outcomes list
   * @param refused whether Retort refused the command
   * @param before the revisions applied before, as Retort saw them
   * @param after the revisions applied after
   * @param rows the version rows after, sorted
   */
  public static TargetVerdict of(
      String graph,
      TargetScenario scenario,
      Map<String, SoundOutcome> sound,
      boolean refused,
      Set<String> before,
      Set<String> after,
      List<String> rows) {
    String observed = refused ? "refused" : "applied " + new TreeSet<>(after) + ", rows " + rows;
    String where = graph + "/" + scenario.id();
    SoundOutcome outcome = sound.get(where);
    if (outcome != null) {
      boolean holds =
          switch (outcome.kind()) {
            case REFUSED -> refused;
            case UNCHANGED -> refused || after.equals(before);
            case KEPT -> !refused && after.contains(scenario.resolvedRevision());
            case APPLIED -> !refused && after.equals(outcome.applied());
          };
      return holds
          ? new TargetVerdict(Kind.SOUND, "")
          : disagrees(
              where,
              scenario,
              "expected " + outcome.kind() + " (" + outcome.reason() + ")",
              observed);
    }
    if (scenario.error() != null) {
      return refused
          ? new TargetVerdict(Kind.AGREES, "")
          : disagrees(where, scenario, "Alembic refused: " + scenario.error().category(), observed);
    }
    boolean same =
        !refused
            && after.equals(Set.copyOf(scenario.applied()))
            && rows.equals(scenario.versionTable());
    return same
        ? new TargetVerdict(Kind.AGREES, "")
        : disagrees(
            where,
            scenario,
            "Alembic: applied " + scenario.applied() + ", rows " + scenario.versionTable(),
            observed);
  }

  private static TargetVerdict disagrees(
      String where, TargetScenario s, String expected, String observed) {
    return new TargetVerdict(
        Kind.DISAGREES,
        where
            + " "
            + s.command()
            + (s.offline() ? " --sql " : " ")
            + s.target()
            + " from "
            + s.start()
            + ": "
            + expected
            + "; Retort "
            + observed);
  }
}
