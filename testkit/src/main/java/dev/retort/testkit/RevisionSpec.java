package dev.retort.testkit;

import java.util.List;

/**
 * One revision of a test graph: its annotation values and the Java statements of its bodies. The
 * bodies see {@code ctx}, the {@code MigrationContext}.
 *
 * @param id the revision id
 * @param revises what it revises
 * @param dependsOn what it depends on
 * @param branchLabels its labels
 * @param upgrade the statements of {@code upgrade}
 * @param downgrade the statements of {@code downgrade}, or {@code null} for an irreversible one
 * @param transactional whether it runs in a transaction
 */
public record RevisionSpec(
    String id,
    List<String> revises,
    List<String> dependsOn,
    List<String> branchLabels,
    String upgrade,
    String downgrade,
    boolean transactional) {

  /** A revision whose bodies do nothing: for tests of the processor's verdict alone. */
  public static RevisionSpec empty(Node node) {
    return new RevisionSpec(
        node.id(), node.revises(), node.dependsOn(), node.branchLabels(), "", "", true);
  }

  /** {@link #logging(String, List, List, List)} of a revision as the conformance data has it. */
  public static RevisionSpec logging(Node node) {
    return logging(node.id(), node.revises(), node.dependsOn(), node.branchLabels());
  }

  /** A revision whose bodies log their calls into table {@code log}, as the conformance data's. */
  public static RevisionSpec logging(
      String id, List<String> revises, List<String> dependsOn, List<String> branchLabels) {
    return new RevisionSpec(
        id, revises, dependsOn, branchLabels, logCall("up", id), logCall("down", id), true);
  }

  /** A chain link that creates and drops table {@code t_<id>}. */
  public static RevisionSpec table(String id, String... revises) {
    return new RevisionSpec(
        id,
        List.of(revises),
        List.of(),
        List.of(),
        "ctx.execute(\"CREATE TABLE t_" + id + " (id INTEGER PRIMARY KEY)\");",
        "ctx.execute(\"DROP TABLE t_" + id + "\");",
        true);
  }

  /** The same revision with another {@code upgrade} body. */
  public RevisionSpec withUpgrade(String body) {
    return new RevisionSpec(id, revises, dependsOn, branchLabels, body, downgrade, transactional);
  }

  /** The same revision with another {@code downgrade} body; {@code null} makes it irreversible. */
  public RevisionSpec withDowngrade(String body) {
    return new RevisionSpec(id, revises, dependsOn, branchLabels, upgrade, body, transactional);
  }

  /** The same revision, run outside a transaction. */
  public RevisionSpec nonTransactional() {
    return new RevisionSpec(id, revises, dependsOn, branchLabels, upgrade, downgrade, false);
  }

  /** The same revision with these branch labels instead of its own. */
  public RevisionSpec labelled(String... labels) {
    return new RevisionSpec(
        id, revises, dependsOn, List.of(labels), upgrade, downgrade, transactional);
  }

  /** The same revision depending on these revisions instead. */
  public RevisionSpec dependingOn(String... ids) {
    return new RevisionSpec(
        id, revises, List.of(ids), branchLabels, upgrade, downgrade, transactional);
  }

  private static String logCall(String direction, String id) {
    return "ctx.execute(\"INSERT INTO log (direction, revision) VALUES ('"
        + direction
        + "', '"
        + id.replace("'", "''")
        + "')\");";
  }
}
