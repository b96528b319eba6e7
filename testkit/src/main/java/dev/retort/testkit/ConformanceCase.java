package dev.retort.testkit;

import java.util.List;
import java.util.Map;

/**
 * One case recorded from real Alembic 1.8.1: a revision graph, Alembic's verdict on it, and the
 * scenarios run on it. The fields are the case file's (see {@code conformance/alembic-1.8.1/
 * README.md} in this kit's resources); only those some test compares are read. A list the file
 * leaves out or sets to {@code null} (the heads of an invalid graph) is empty.
 *
 * @param name the case's name, such as {@code case-0012-labelled_branches}
 * @param invalidKind why the graph is invalid, or {@code null} for a valid graph
 * @param mutation what the invalid mutation changed, or an empty map
 * @param revisions the revisions in Alembic's load order
 * @param heads Alembic's heads (revises edges only), sorted
 * @param bases Alembic's bases, sorted
 * @param realHeads heads counting dependsOn edges too
 * @param realBases revisions with neither revises nor dependsOn
 * @param scenarios the commands run on the graph, in order; empty for an invalid graph
 */
public record ConformanceCase(
    String name,
    String invalidKind,
    Map<String, Object> mutation,
    List<Node> revisions,
    List<String> heads,
    List<String> bases,
    List<String> realHeads,
    List<String> realBases,
    List<Scenario> scenarios) {

  /** Missing lists and maps become empty ones. */
  public ConformanceCase {
    mutation = mutation == null ? Map.of() : mutation;
    revisions = orEmpty(revisions);
    heads = orEmpty(heads);
    bases = orEmpty(bases);
    realHeads = orEmpty(realHeads);
    realBases = orEmpty(realBases);
    scenarios = orEmpty(scenarios);
  }

  /** The revision the invalid mutation changed, if the data names it. */
  public String mutatedRevision() {
    return (String) mutation.get("revision");
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * One command Alembic ran on the graph, and what it left.
   *
   * @param id its place in the case, {@code s1} on
   * @param kind what the scenario exercises, such as {@code downgrade_rev_from_heads}
   * @param start {@code empty}, {@code heads} or {@code previous}: the database it starts from
   * @param startApplied the revisions in effect before, sorted
   * @param command {@code upgrade} or {@code downgrade}
   * @param target the command's argument
   * @param calls the {@code [direction, revision]} calls of upgrade() and downgrade(), in order
   * @param versionTable the version rows after, sorted
   * @param applied the revisions in effect after, sorted
   * @param error what Alembic raised, or {@code null}
   * @param minimalVersionTable the rows a sane implementation leaves, sorted
   * @param anomalies what the data marks as Alembic's defects here; empty when none
   */
  public record Scenario(
      String id,
      String kind,
      String start,
      List<String> startApplied,
      String command,
      String target,
      List<List<String>> calls,
      List<String> versionTable,
      List<String> applied,
      ScenarioError error,
      List<String> minimalVersionTable,
      List<String> anomalies) {

    /** Missing lists become empty ones. */
    public Scenario {
      startApplied = orEmpty(startApplied);
      calls = orEmpty(calls);
      versionTable = orEmpty(versionTable);
      applied = orEmpty(applied);
      minimalVersionTable = orEmpty(minimalVersionTable);
      anomalies = orEmpty(anomalies);
    }

    /** Whether the data marks this scenario as one of Alembic's defects. */
    public boolean hasAnomalies() {
      return !anomalies.isEmpty();
    }
  }

  /**
   * What Alembic raised in a scenario.
   *
   * @param category the README's category, such as {@code multiple_heads}
   * @param message Alembic's message, verbatim
   */
  public record ScenarioError(String category, String message) {}

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
