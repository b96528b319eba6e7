package dev.retort.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a {@link Fleet} run did to each target, in the targets' order.
 *
 * @param targets one result a target
 * @param elapsed the whole run
 * @param <T> what the command returns for one target
 */
public record FleetResult<T>(List<Target<T>> targets, Duration elapsed) {

  /** How a target came out. */
  public enum Outcome {
    /** The command changed the database: revisions applied or reverted, rows stamped. */
    MIGRATED,
    /** The command found nothing to do, or only read. */
    CURRENT,
    /** The command failed; the target is as its own report says (rolled back, or stopped). */
    FAILED,
    /** Not started: an earlier target failed under fail-fast or as the canary. */
    SKIPPED
  }

  /**
   * One target's result.
   *
   * @param name the target's name
   * @param outcome how it came out
   * @param value what the command returned, when it succeeded
   * @param failure the one-line reason, when it failed
   * @param elapsed how long the command took on it
   */
  public record Target<T>(
      String name, Outcome outcome, Optional<T> value, Optional<String> failure, Duration elapsed) {

    /** {@code name: outcome}, with the reason of a failure. */
    @Override
    public String toString() {
      return name
          + ": "
          + outcome.name().toLowerCase(java.util.Locale.ROOT)
          + failure.map(f -> " (" + f + ")").orElse("");
    }
  }

  public FleetResult {
    targets = List.copyOf(targets);
  }

  /** Whether no target failed or was skipped. */
  public boolean succeeded() {
    return targets.stream()
        .allMatch(t -> t.outcome() == Outcome.MIGRATED || t.outcome() == Outcome.CURRENT);
  }

  /** How many targets came out each way. */
  public Map<Outcome, Long> counts() {
    return targets.stream()
        .collect(
            Collectors.groupingBy(Target::outcome, () -> new TreeMap<>(), Collectors.counting()));
  }

  /** One line: {@code 1000 targets in 12.3 s: 998 migrated, 1 current, 1 failed}. */
  public String summary() {
    return targets.size()
        + (targets.size() == 1 ? " target" : " targets")
        + " in "
        + elapsed.toMillis() / 1000.0
        + " s: "
        + counts().entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", "));
  }
}
