package dev.retort.runtime.engine;

import dev.retort.RevisionInfo;
import dev.retort.graph.OfflineRange;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.Targets;
import dev.retort.runtime.plan.Planner;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The revisions a {@code Retort} applies, as one checked graph with their metadata by id; targets
 * resolve here, a target the graph cannot resolve being a {@code RetortException}.
 */
public final class Catalog {

  private final RevisionGraph graph;
  private final Map<String, RevisionInfo> revisions;
  private final Targets targets;
  private final Planner planner;

  Catalog(RevisionGraph graph, Map<String, RevisionInfo> revisions) {
    this.graph = graph;
    this.revisions = Map.copyOf(revisions);
    this.targets = new Targets(graph);
    this.planner = new Planner(graph, this.revisions);
  }

  /** The graph. */
  public RevisionGraph graph() {
    return graph;
  }

  /** The planner over this graph. */
  public Planner planner() {
    return planner;
  }

  /** The revision with exactly this id. */
  public Optional<RevisionInfo> find(String id) {
    return Optional.ofNullable(revisions.get(id));
  }

  /** The revisions of {@code ids}, each of this graph, in the same order. */
  public List<RevisionInfo> infos(List<String> ids) {
    return ids.stream().map(revisions::get).toList();
  }

  /** {@link Targets#upgradeTarget}. */
  public List<String> upgradeTarget(String target, List<String> rows) {
    return Errors.resolving(() -> targets.upgradeTarget(target, rows));
  }

  /** {@link Targets#downgradeTarget}. */
  public List<String> downgradeTarget(String target, List<String> rows) {
    return Errors.resolving(() -> targets.downgradeTarget(target, rows));
  }

  /** {@link Targets#upgradeRange}. */
  public OfflineRange upgradeRange(String text) {
    return Errors.resolving(() -> targets.upgradeRange(text));
  }

  /** {@link Targets#downgradeRange}. */
  public OfflineRange downgradeRange(String text) {
    return Errors.resolving(() -> targets.downgradeRange(text));
  }

  /** {@link Targets#revision}. */
  public String revision(String text) {
    return Errors.resolving(() -> targets.revision(text));
  }

  /** {@link Targets#range}. */
  public List<String> range(String text) {
    return Errors.resolving(() -> targets.range(text));
  }
}
