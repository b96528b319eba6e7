package dev.retort.cli;

import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Registries built by hand, as the processor would generate them. The command line's tests need a
 * dozen small graphs, one of them invalid (which the processor would refuse to compile), with fixed
 * class names and checksums that their expected output prints; the runtime's own tests use a
 * registry the processor compiled. Each revision creates a table named after its id and drops it on
 * downgrade, so a test can see exactly which revisions ran.
 */
final class TestRegistry implements MigrationRegistry {

  private final List<RevisionInfo> revisions = new ArrayList<>();

  /** Starts an empty registry; add revisions oldest first. */
  static TestRegistry create() {
    return new TestRegistry();
  }

  /** A plain revision of {@code revises}. */
  TestRegistry rev(String id, String description, String... revises) {
    return add(id, List.of(revises), List.of(), List.of(), description, true, null);
  }

  /** A revision declaring branch {@code label}. */
  TestRegistry labelled(String id, String label, String description, String... revises) {
    return add(id, List.of(revises), List.of(), List.of(label), description, true, null);
  }

  /** A plain revision whose migration class is {@code className}. */
  TestRegistry inClass(String id, String className, String... revises) {
    revisions.add(
        new RevisionInfo(
            id,
            List.of(revises),
            List.of(),
            List.of(),
            "in " + className,
            true,
            true,
            "",
            className,
            "",
            () -> new CreateTable(table(id), true)));
    return this;
  }

  /** A revision of {@code revises} that also depends on {@code dependsOn}. */
  TestRegistry depending(String id, String dependsOn, String description, String... revises) {
    return add(id, List.of(revises), List.of(dependsOn), List.of(), description, true, null);
  }

  /** A revision that cannot be downgraded, for {@code reason}. */
  TestRegistry irreversible(String id, String reason, String... revises) {
    return add(id, List.of(revises), List.of(), List.of(), "irreversible " + id, true, reason);
  }

  /** A revision that runs outside a transaction. */
  TestRegistry nonTransactional(String id, String... revises) {
    return add(id, List.of(revises), List.of(), List.of(), "outside a transaction", false, null);
  }

  /** A revision whose upgrade fails on its second statement. */
  TestRegistry failing(String id, String... revises) {
    revisions.add(
        new RevisionInfo(
            id,
            List.of(revises),
            List.of(),
            List.of(),
            "fails",
            true,
            true,
            "",
            "dev.retort.test.db.Failing",
            "",
            () -> new Failing(id)));
    return this;
  }

  private TestRegistry add(
      String id,
      List<String> revises,
      List<String> dependsOn,
      List<String> labels,
      String description,
      boolean transactional,
      String irreversibleReason) {
    boolean reversible = irreversibleReason == null;
    revisions.add(
        new RevisionInfo(
            id,
            revises,
            dependsOn,
            labels,
            description,
            transactional,
            reversible,
            reversible ? "" : irreversibleReason,
            "dev.retort.test.db.Revision_" + id,
            "sha-" + id,
            () -> new CreateTable(table(id), reversible)));
    return this;
  }

  /** The table revision {@code id} creates. */
  static String table(String id) {
    return "t_" + id;
  }

  @Override
  public List<RevisionInfo> revisions() {
    return List.copyOf(revisions);
  }

  /** Creates a table on upgrade and drops it on downgrade. */
  private static final class CreateTable implements Migration {

    private final String table;
    private final boolean reversible;

    CreateTable(String table, boolean reversible) {
      this.table = table;
      this.reversible = reversible;
    }

    @Override
    public void upgrade(MigrationContext ctx) throws Exception {
      ctx.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY)");
    }

    @Override
    public void downgrade(MigrationContext ctx) throws Exception {
      if (!reversible) Migration.super.downgrade(ctx);
      ctx.execute("DROP TABLE " + table);
    }
  }

  /** Creates its table, then runs a statement SQLite rejects. */
  private static final class Failing implements Migration {

    private final String id;

    Failing(String id) {
      this.id = id;
    }

    @Override
    public void upgrade(MigrationContext ctx) throws Exception {
      ctx.execute("CREATE TABLE " + table(id) + " (id INTEGER PRIMARY KEY)");
      ctx.execute("INSERT INTO no_such_table VALUES (1)");
    }

    @Override
    public void downgrade(MigrationContext ctx) throws Exception {
      ctx.execute("DROP TABLE " + table(id));
    }
  }
}
