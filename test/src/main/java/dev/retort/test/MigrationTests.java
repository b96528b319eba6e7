package dev.retort.test;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Tests of a registry's migrations against a real database, for JUnit 5:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> everyRevisionRoundTrips(@TempDir Path dir) {
 *   return MigrationTests.roundTrip(Migrations.registry(), "jdbc:sqlite:" + dir.resolve("t.db"));
 * }
 * }</pre>
 *
 * <p>Each call works in a scratch database: a SQLite file URL, or a PostgreSQL URL in whose
 * database the kit creates a schema of its own. It refuses a database that holds anything but
 * Retort's tables, before it changes anything, and removes what it created when it is done.
 */
public final class MigrationTests {

  /** Set to {@code true} and {@link #assertSchema} writes the schema file instead of comparing. */
  public static final String WRITE_SCHEMA = "retort.writeSchema";

  /** The schema file's first lines, which say where it comes from (read back as comments). */
  private static final String SCHEMA_FILE_HEADER =
      "# The schema the revisions build at heads. Written by MigrationTests.assertSchema with\n"
          + "# -D"
          + WRITE_SCHEMA
          + "=true; do not edit by hand.\n";

  private MigrationTests() {}

  /**
   * One test per revision, oldest first, named after its id and description: from a database
   * holding exactly the revision's ancestors, the revision's upgrade, downgrade and upgrade again
   * must leave the schema as it was before and after the first upgrade. The failure lists every
   * difference. An {@code @Irreversible} revision is upgraded and its test aborted, saying so. (A
   * revision that revises nothing, such as the base of a branch that depends on another, is
   * reverted by a downgrade to base, after which its dependencies are upgraded again.)
   */
  public static Stream<DynamicTest> roundTrip(MigrationRegistry registry, String jdbcUrl) {
    RevisionWalk walk = RevisionWalk.open(registry, jdbcUrl);
    return walk.revisions().stream()
        .map(r -> dynamicTest(name(r), () -> walk.step(() -> roundTrip(walk, r))))
        .onClose(walk::close);
  }

  /**
   * One test per revision, in the order a deploy applies them, on one database that grows: the
   * revision is upgraded, downgraded and upgraded again on top of everything before it, not from
   * base, so a revision that only works on a fresh database fails. (Its downgrade goes to what it
   * revises, which also reverts the other applied revisions that revise that; later steps apply
   * them again.)
   */
  public static Stream<DynamicTest> stairway(MigrationRegistry registry, String jdbcUrl) {
    RevisionWalk walk = RevisionWalk.open(registry, jdbcUrl);
    return walk.revisions().stream()
        .map(r -> dynamicTest(name(r), () -> walk.step(() -> stair(walk, r))))
        .onClose(walk::close);
  }

  /**
   * A data migration's test: from a database holding exactly the ancestors of {@code revision},
   * {@code seed} writes rows, the revision is upgraded, and {@code check} asserts what it made of
   * them.
   */
  public static void dataMigration(
      MigrationRegistry registry,
      String jdbcUrl,
      String revision,
      DatabaseStep seed,
      DatabaseStep check)
      throws Exception {
    try (RevisionWalk walk = RevisionWalk.open(registry, jdbcUrl)) {
      RevisionInfo info = walk.revision(revision);
      walk.fromAncestorsOf(info);
      run(walk, seed);
      walk.upgrade(info);
      run(walk, check);
    }
  }

  /**
   * Upgrades a scratch database to heads and compares its schema with the text file {@code
   * expected} ({@link SchemaSnapshot#toText()}). With the system property {@value #WRITE_SCHEMA}
   * set to {@code true}, writes the file instead, so that a schema change shows in review as the
   * file's diff.
   */
  public static void assertSchema(MigrationRegistry registry, String jdbcUrl, Path expected)
      throws Exception {
    SchemaSnapshot actual;
    try (RevisionWalk walk = RevisionWalk.open(registry, jdbcUrl)) {
      walk.upgradeToHeads();
      actual = walk.snapshot();
    }
    if (Boolean.getBoolean(WRITE_SCHEMA)) {
      if (expected.getParent() != null) Files.createDirectories(expected.getParent());
      Files.writeString(expected, SCHEMA_FILE_HEADER + actual.toText(), StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      Assertions.fail(
          "no schema file "
              + expected
              + "; run the test with -D"
              + WRITE_SCHEMA
              + "=true to write it, and commit it");
    }
    assertSame(
        SchemaSnapshot.read(expected),
        actual,
        "the schema the revisions build differs from "
            + expected
            + " (run with -D"
            + WRITE_SCHEMA
            + "=true to write the file anew, and review its diff)");
  }

  private static void roundTrip(RevisionWalk walk, RevisionInfo revision) throws Exception {
    walk.fromAncestorsOf(revision);
    SchemaSnapshot before = walk.snapshot();
    walk.upgrade(revision);
    SchemaSnapshot upgraded = walk.snapshot();
    abortIfIrreversible(revision);
    walk.downgrade(revision);
    assertSame(
        before,
        walk.snapshot(),
        name(revision) + ": its downgrade did not restore the schema from before its upgrade");
    walk.upgrade(revision);
    assertSame(
        upgraded,
        walk.snapshot(),
        name(revision) + ": upgraded again after its downgrade, the schema differs from the first");
  }

  private static void stair(RevisionWalk walk, RevisionInfo revision) {
    walk.upgrade(revision);
    abortIfIrreversible(revision);
    walk.downgrade(revision);
    walk.upgrade(revision);
  }

  private static void abortIfIrreversible(RevisionInfo revision) {
    if (!revision.reversible()) {
      Assumptions.abort(
          name(revision)
              + " is @Irreversible ("
              + revision.irreversibleReason()
              + "): upgraded; its downgrade is not tested");
    }
  }

  private static void run(RevisionWalk walk, DatabaseStep step) throws Exception {
    try (Connection connection = walk.scratch().connect()) {
      step.run(connection);
    }
  }

  /** Fails with every difference from {@code expected} to {@code actual}, one a line. */
  private static void assertSame(SchemaSnapshot expected, SchemaSnapshot actual, String message) {
    List<String> differences = expected.diff(actual);
    if (!differences.isEmpty()) {
      Assertions.fail(message + ":\n  " + String.join("\n  ", differences));
    }
  }

  private static String name(RevisionInfo revision) {
    return revision.description().isEmpty()
        ? revision.id()
        : revision.id() + " (" + revision.description() + ")";
  }
}
