package dev.retort.test;

import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.runtime.GraphView;
import dev.retort.runtime.Retort;
import dev.retort.runtime.schema.ScratchDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A registry's revisions applied one by one to a scratch database: the moves the kit's tests are
 * made of. Not thread-safe; each test factory has its own.
 */
final class RevisionWalk implements AutoCloseable {

  private final ScratchDatabase scratch;
  private final Retort retort;
  private final GraphView graph;

  /** False while a step runs, so that one that failed halfway leaves no state to the next. */
  private boolean clean = true;

  private RevisionWalk(ScratchDatabase scratch, Retort retort) {
    this.scratch = scratch;
    this.retort = retort;
    this.graph = retort.graph();
  }

  /** A walk over {@code registry} in the scratch database {@code jdbcUrl}; refuses one in use. */
  static RevisionWalk open(MigrationRegistry registry, String jdbcUrl) {
    try {
      ScratchDatabase scratch = ScratchDatabase.open(jdbcUrl);
      return new RevisionWalk(scratch, Retort.builder(registry).url(scratch.url()).build());
    } catch (SQLException e) {
      throw new IllegalStateException("could not open the scratch database: " + e.getMessage(), e);
    }
  }

  /** Every revision, oldest first. */
  List<RevisionInfo> revisions() {
    return graph.revisions();
  }

  /** The revision with this exact id. */
  RevisionInfo revision(String id) {
    return graph.find(id).orElseThrow(() -> new IllegalArgumentException("no revision " + id));
  }

  /** Runs {@code step}; a step that fails makes the next {@link #fromAncestorsOf} start over. */
  void step(Step step) throws Exception {
    clean = false;
    step.run();
    clean = true;
  }

  /** Brings the database to exactly the ancestors of {@code revision}, starting over if needed. */
  void fromAncestorsOf(RevisionInfo revision) throws SQLException {
    Set<String> wanted = ancestors(revision.id());
    wanted.remove(revision.id());
    if (clean && applied().equals(wanted)) return;
    scratch.reset();
    for (String parent : parents(revision)) retort.upgrade(parent);
  }

  void upgrade(RevisionInfo revision) {
    retort.upgrade(revision.id());
  }

  void upgradeToHeads() {
    retort.upgrade("heads");
  }

  /**
   * Reverts {@code revision}, applied last, and nothing it needs: a downgrade to what it revises
   * (the one revised by no other parent), or to base when it revises nothing (Retort's downgrade
   * keeps a revision that merely depends on the target); then whatever else that reverted among its
   * parents and their ancestors is upgraded again.
   */
  void downgrade(RevisionInfo revision) {
    List<String> revises = revision.revises();
    String target =
        revises.stream()
            .filter(p -> revises.stream().noneMatch(q -> !q.equals(p) && ancestors(q).contains(p)))
            .findFirst()
            .orElse("base");
    retort.downgrade(target);
    for (String parent : parents(revision)) retort.upgrade(parent);
  }

  SchemaSnapshot snapshot() throws SQLException {
    return SchemaSnapshot.of(scratch.snapshot());
  }

  ScratchDatabase scratch() {
    return scratch;
  }

  @Override
  public void close() {
    try {
      scratch.close();
    } catch (SQLException e) {
      throw new IllegalStateException("could not remove the scratch database", e);
    }
  }

  private Set<String> applied() {
    Set<String> applied = new HashSet<>();
    for (String row : retort.current()) applied.addAll(ancestors(row));
    return applied;
  }

  /** {@code id} and its ancestors, through revises and dependsOn. */
  private Set<String> ancestors(String id) {
    return graph.history(":" + id).stream().map(RevisionInfo::id).collect(Collectors.toSet());
  }

  private static List<String> parents(RevisionInfo revision) {
    return new ArrayList<>(
        Stream.concat(revision.revises().stream(), revision.dependsOn().stream())
            .distinct()
            .collect(Collectors.toList()));
  }

  /** A step of a test, which may fail. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }
}
