package dev.retort.runtime;

import dev.retort.RevisionInfo;
import dev.retort.graph.DrawingOrder;
import dev.retort.graph.GraphCheck;
import dev.retort.graph.GraphNode;
import dev.retort.graph.GraphProblem;
import dev.retort.graph.RevisionGraph;
import dev.retort.runtime.engine.Catalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The revision graph of a {@link Retort}, answered without a database: what Alembic's {@code
 * heads}, {@code branches}, {@code history} and {@code show} report, and the marks its command line
 * prints beside a revision. Immutable; get one from {@link Retort#graph()}.
 *
 * <p>Methods that take an {@code id} take the exact id of one of the graph's revisions.
 */
public final class GraphView {

  private final Catalog catalog;
  private final RevisionGraph graph;
  private final Set<String> heads;
  private final Set<String> realHeads;

  GraphView(Catalog catalog) {
    this.catalog = catalog;
    this.graph = catalog.graph();
    this.heads = Set.copyOf(graph.heads());
    this.realHeads = Set.copyOf(graph.realHeads());
  }

  /** Every revision, oldest first: each after everything it revises or depends on. */
  public List<RevisionInfo> revisions() {
    return catalog.infos(graph.order());
  }

  /** The revision with exactly this id, if there is one. */
  public Optional<RevisionInfo> find(String id) {
    return catalog.find(id);
  }

  /**
   * The revision named by an id, a unique prefix of one, a branch label or {@code LABEL@head}.
   *
   * @throws RetortException when it names none ({@link ErrorCode#UNKNOWN_REVISION}) or several
   */
  public RevisionInfo show(String revision) {
    return catalog.find(catalog.revision(revision)).orElseThrow();
  }

  /** The heads (nothing revises them; dependencies aside), sorted by id. */
  public List<RevisionInfo> heads() {
    return catalog.infos(graph.heads());
  }

  /** The branch points (revised by more than one revision), oldest first. */
  public List<RevisionInfo> branchPoints() {
    return catalog.infos(graph.branchPoints());
  }

  /** Every revision, newest first. */
  public List<RevisionInfo> history() {
    return newestFirst(graph.order());
  }

  /**
   * The revisions of {@code range}, newest first: {@code FROM:TO} holds the descendants of FROM
   * that are ancestors of TO, both included; either side may be left out, and text without a colon
   * is FROM. Null or blank is the whole graph.
   *
   * @throws RetortException when FROM or TO names no revision, or several
   */
  public List<RevisionInfo> history(String range) {
    return range == null ? history() : newestFirst(catalog.range(range));
  }

  /**
   * The revisions of {@code range} (as {@link #history(String)} takes it) in the order a drawing
   * like {@code git log --graph} shows them: newest first, each branch kept together.
   */
  public List<RevisionInfo> drawingOrder(String range) {
    List<String> ids = range == null ? graph.order() : catalog.range(range);
    return catalog.infos(DrawingOrder.of(graph, ids));
  }

  /** Whether nothing revises {@code id}, dependencies aside: one of {@link #heads()}. */
  public boolean isHead(String id) {
    return heads.contains(id);
  }

  /** Whether nothing revises or depends on {@code id}: Alembic's {@code (head)}. */
  public boolean isRealHead(String id) {
    return realHeads.contains(id);
  }

  /** Whether nothing revises {@code id} but something depends on it: {@code (effective head)}. */
  public boolean isEffectiveHead(String id) {
    return heads.contains(id) && !realHeads.contains(id);
  }

  /** Whether more than one revision revises {@code id}. */
  public boolean isBranchPoint(String id) {
    return graph.isBranchPoint(id);
  }

  /** Whether {@code id} revises more than one revision. */
  public boolean isMergePoint(String id) {
    return graph.isMergePoint(id);
  }

  /** The revisions that revise {@code id}, sorted: where a branch point branches into. */
  public List<String> branchesInto(String id) {
    return graph.revisedBy(id);
  }

  /** The branch labels of {@code id}, its own and those it inherits through revises, sorted. */
  public List<String> labels(String id) {
    return List.copyOf(graph.branchLabels(id));
  }

  /**
   * What the compiler would report if a revision {@code id} revising {@code revises} joined the
   * graph, one message each; empty when it fits.
   */
  public List<String> problemsWith(String id, List<String> revises) {
    List<GraphNode> nodes = new ArrayList<>(graph.nodes());
    nodes.add(new GraphNode(id, revises, List.of(), List.of(), "the new revision"));
    return GraphCheck.problems(nodes).stream().map(GraphProblem::message).toList();
  }

  private List<RevisionInfo> newestFirst(List<String> ids) {
    List<String> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);
    return catalog.infos(reversed);
  }
}
