package dev.retort.graph;

import dev.retort.graph.TargetException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A relative step, {@code +N} up through the only revision that revises the position or {@code -N}
 * down through the only one it revises; a branch point or merge on the way, or an end of the graph,
 * stops it with a message. Within a branch ({@code LABEL@+1}) only the branch's line counts.
 */
final class Walk {

  private final RevisionGraph graph;

  Walk(RevisionGraph graph) {
    this.graph = graph;
  }

  /**
   * Where {@code target}'s step leads from {@code start} (empty: base).
   *
   * @param line the branch the walk keeps to, or {@code null} for the whole graph
   */
  Optional<String> from(Optional<String> start, TargetExpression target, Lineage line) {
    Optional<String> position = start;
    for (int walked = 0; walked < target.steps(); walked++) {
      List<String> next = target.up() ? up(position, line) : down(position);
      if (next.size() != 1) {
        throw new TargetException(
            next.isEmpty() ? Reason.OUT_OF_RANGE : Reason.AMBIGUOUS_WALK,
            "'"
                + target.text()
                + "' goes "
                + (target.up() ? "up " : "down ")
                + target.revisions()
                + ", but "
                + stop(target.up(), position, walked, next)
                + "; name the target revision instead");
      }
      position = next.get(0).isEmpty() ? Optional.empty() : Optional.of(next.get(0));
    }
    return position;
  }

  private List<String> up(Optional<String> position, Lineage line) {
    if (line == null) return position.map(graph::revisedBy).orElseGet(graph::bases);
    return position.map(line::above).orElseGet(line::bases);
  }

  /** The single parent, or "" meaning base, or nothing when already below base. */
  private List<String> down(Optional<String> position) {
    if (position.isEmpty()) return List.of();
    List<String> parents = graph.node(position.get()).orElseThrow().revises();
    return parents.isEmpty() ? List.of("") : new ArrayList<>(parents);
  }

  /** "1 revision", "3 revisions". */
  private static String revisions(int count) {
    return count + (count == 1 ? " revision" : " revisions");
  }

  /**
   * Why a walk stops at {@code position} after {@code walked} steps, with {@code next} the ways on:
   * none (an end of the graph) or several (a branch point going up, a merge going down).
   */
  private static String stop(boolean up, Optional<String> position, int walked, List<String> next) {
    String after = walked == 0 ? "" : " after " + revisions(walked);
    if (next.isEmpty()) {
      return up
          ? "the graph ends at '" + position.orElseThrow() + "'" + after
          : walked == 0 ? "it starts at base" : "the walk reaches base" + after;
    }
    String ways = String.join(" and ", next);
    if (position.isEmpty()) return "the graph has " + next.size() + " bases (" + ways + ")";
    String at = "'" + position.get() + "'" + (walked == 0 ? "" : ", reached" + after + ",");
    return up
        ? at + " is a branch point that " + ways + " revise"
        : at + " is a merge of " + ways + ", so there is no one revision below it";
  }
}
