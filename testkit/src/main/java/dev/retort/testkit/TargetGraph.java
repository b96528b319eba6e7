package dev.retort.testkit;

import java.util.List;
import java.util.Map;

/**
 * One graph of the recorded target forms ({@link TargetConformance}): its revisions, the database
 * states its scenarios start from, and the scenarios. Only the fields some test compares are read.
 *
 * @param name the graph's name, such as {@code ops_fork}
 * @param revisions the revisions in Alembic's load order
 * @param startStates each start state by name, such as {@code empty} or {@code ops_partway}
 * @param scenarios the commands run, in order
 */
public record TargetGraph(
    String name,
    List<Node> revisions,
    Map<String, StartState> startStates,
    List<TargetScenario> scenarios) {

  @Override
  public String toString() {
    return name;
  }

  /**
   * A database state a scenario starts from.
   *
   * @param setup the commands that built it from an empty database, each {@code [command, target]}
   * @param versionTable its version rows, sorted
   * @param applied its applied revisions, sorted
   */
  public record StartState(
      List<List<String>> setup, List<String> versionTable, List<String> applied) {}

  /**
   * One command Alembic ran from a start state, and what it left.
   *
   * @param id its place in the graph's file, {@code s1} on
   * @param form the target form, such as {@code LABEL@head-N}
   * @param mode {@code online}, or {@code offline} for a {@code --sql} script
   * @param start the start state's name, or {@code offline}
   * @param startVersionTable the version rows before (offline: those FROM stands for), sorted
   * @param startApplied the applied revisions before, sorted
   * @param command {@code upgrade} or {@code downgrade}
   * @param target the command's argument
   * @param versionTable the version rows after, sorted
   * @param applied the applied revisions after, sorted
   * @param error what Alembic raised, or {@code null}
   * @param resolved how Alembic read the target, or {@code null}
   * @param anomalies the Alembic defects the data marks here; empty when none
   */
  public record TargetScenario(
      String id,
      String form,
      String mode,
      String start,
      List<String> startVersionTable,
      List<String> startApplied,
      String command,
      String target,
      List<String> versionTable,
      List<String> applied,
      ConformanceCase.ScenarioError error,
      Map<String, Object> resolved,
      List<String> anomalies) {

    /** Whether this is an offline ({@code --sql}) scenario. */
    public boolean offline() {
      return mode.equals("offline");
    }

    /** The revision Alembic resolved a downgrade to, if it got that far. */
    public String resolvedRevision() {
      return resolved == null ? null : (String) resolved.get("revision");
    }
  }
}
