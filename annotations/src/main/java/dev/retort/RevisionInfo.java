package dev.retort;

import java.util.List;
import java.util.Objects;

/**
 * What the compiler learned about one revision: its place in the graph, its options, a checksum of
 * its source and a factory for its migration. Generated registries create these; the migration
 * class itself is not loaded until {@link #newMigration()} is called.
 *
 * @param id the revision id
 * @param revises the revisions it follows
 * @param dependsOn the revisions it depends on
 * @param branchLabels the branch labels it declares
 * @param description the human description, possibly empty
 * @param transactional whether it runs in a transaction
 * @param reversible whether it has a downgrade (false for {@link Irreversible} revisions)
 * @param irreversibleReason why it cannot be downgraded, empty when reversible
 * @param className the binary name of the migration class
 * @param checksum the checksum of the class's code, or empty when unknown: {@code v2:} and 61
 *     lower-case hex digits of the SHA-256 of its tokens (comments and formatting left out);
 *     registries compiled by Retort 0.1 hold 64 hex digits, the SHA-256 of its raw source text
 * @param factory creates the migration
 */
public record RevisionInfo(
    String id,
    List<String> revises,
    List<String> dependsOn,
    List<String> branchLabels,
    String description,
    boolean transactional,
    boolean reversible,
    String irreversibleReason,
    String className,
    String checksum,
    MigrationFactory factory) {

  /** Checks and copies the lists so that a record is immutable. */
  public RevisionInfo {
    Objects.requireNonNull(id, "id");
    revises = List.copyOf(revises);
    dependsOn = List.copyOf(dependsOn);
    branchLabels = List.copyOf(branchLabels);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(irreversibleReason, "irreversibleReason");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(factory, "factory");
  }

  /** A new instance of this revision's migration; loads its class on first use. */
  public Migration newMigration() {
    return factory.create();
  }
}
