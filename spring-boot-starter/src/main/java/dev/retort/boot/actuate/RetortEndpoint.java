package dev.retort.boot.actuate;

import dev.retort.RevisionInfo;
import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.Retort;
import dev.retort.runtime.Status;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code retort}: every revision, applied (how, when, by whom) or pending,
 * and the heads.
 */
@Endpoint(id = "retort")
public class RetortEndpoint {

  private final Retort retort;

  /** The endpoint over {@code retort}'s registries and database. */
  public RetortEndpoint(Retort retort) {
    this.retort = retort;
  }

  /** The database compared with the registries, revisions newest first. */
  @ReadOperation
  public RetortReport revisions() {
    Status status = retort.check();
    Set<String> pending = new HashSet<>(status.pending());
    Map<String, AppliedRevision> applied = new HashMap<>();
    for (AppliedRevision revision : retort.applied()) applied.put(revision.id(), revision);
    List<RevisionReport> revisions =
        retort.history().stream()
            .map(
                revision ->
                    RevisionReport.of(
                        revision,
                        !pending.contains(revision.id()),
                        Optional.ofNullable(applied.get(revision.id()))))
            .toList();
    return new RetortReport(
        status.current(), status.heads(), status.drifted(), status.incomplete(), revisions);
  }

  /**
   * What the endpoint answers.
   *
   * @param current the version rows
   * @param heads the registries' heads
   * @param drifted applied revisions whose code changed since
   * @param incomplete non-transactional revisions that did not finish
   * @param revisions every revision, newest first
   */
  public record RetortReport(
      List<String> current,
      List<String> heads,
      List<String> drifted,
      List<String> incomplete,
      List<RevisionReport> revisions) {}

  /**
   * One revision.
   *
   * @param id its id
   * @param description its description
   * @param branchLabels its branch labels
   * @param revises the revisions it follows
   * @param dependsOn the revisions it depends on
   * @param applied whether the database has it
   * @param appliedHow {@code upgrade}, {@code stamp} or {@code unknown}; null when not applied
   * @param appliedAt when it was applied, by the database's clock; null when not known
   * @param appliedBy who applied it (the database user); null when not known
   */
  public record RevisionReport(
      String id,
      String description,
      List<String> branchLabels,
      List<String> revises,
      List<String> dependsOn,
      boolean applied,
      String appliedHow,
      String appliedAt,
      String appliedBy) {

    static RevisionReport of(
        RevisionInfo revision, boolean applied, Optional<AppliedRevision> how) {
      return new RevisionReport(
          revision.id(),
          revision.description(),
          revision.branchLabels(),
          revision.revises(),
          revision.dependsOn(),
          applied,
          how.map(AppliedRevision::how).orElse(null),
          how.flatMap(AppliedRevision::at).orElse(null),
          how.flatMap(AppliedRevision::by).orElse(null));
    }
  }
}
