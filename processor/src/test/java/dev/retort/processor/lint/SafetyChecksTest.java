package dev.retort.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static javax.tools.Diagnostic.Kind.ERROR;
import static javax.tools.Diagnostic.Kind.WARNING;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Each safety check fires on the statement that breaks it and stays silent on the safe form. */
class SafetyChecksTest {

  private static final String NOT_TRANSACTIONAL = "@Revision(id = \"a1\", transactional = false)";

  @Test
  void concurrentlyInATransactionalRevisionFailsTheCompile() {
    Compilation compilation =
        LintFixture.upgrade("CREATE INDEX CONCURRENTLY ix ON t (a)").compile();
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/ConcurrentlyInTransaction] CREATE INDEX CONCURRENTLY cannot run inside a"
                + " transaction block, and this revision is transactional; set"
                + " @Revision(transactional = false) on it");
    LintFixture.upgrade("CREATE INDEX CONCURRENTLY ix ON t (a)")
        .reportsOnly(ERROR, "[Retort/ConcurrentlyInTransaction]", "CREATE INDEX");
    LintFixture.upgrade("DROP INDEX CONCURRENTLY ix")
        .reportsOnly(ERROR, "[Retort/ConcurrentlyInTransaction] DROP INDEX", "DROP INDEX");
    LintFixture.upgrade("REINDEX INDEX CONCURRENTLY ix")
        .reportsOnly(ERROR, "[Retort/ConcurrentlyInTransaction] REINDEX", "REINDEX");
  }

  @Test
  void concurrentlyInARevisionOutsideATransactionIsSilent() {
    LintFixture.upgrade("CREATE INDEX CONCURRENTLY ix ON t (a)")
        .downgrade("DROP INDEX CONCURRENTLY IF EXISTS ix")
        .annotatedWith(NOT_TRANSACTIONAL)
        .isSilent();
    LintFixture.upgrade("REINDEX INDEX CONCURRENTLY ix")
        .annotatedWith(NOT_TRANSACTIONAL)
        .isSilent();
  }

  @Test
  void indexWithoutConcurrentlyOnAnExistingTable() {
    LintFixture.upgrade("CREATE INDEX ix ON t (a)")
        .reportsOnly(
            WARNING,
            "[Retort/IndexWithoutConcurrently] CREATE INDEX without CONCURRENTLY blocks writes to"
                + " table 't' while it runs; use CREATE INDEX CONCURRENTLY in a revision with"
                + " @Revision(transactional = false)",
            "CREATE INDEX");
    LintFixture.upgrade("CREATE UNIQUE INDEX IF NOT EXISTS ux ON ONLY public.t (a)")
        .reportsOnly(
            WARNING,
            "[Retort/IndexWithoutConcurrently] CREATE INDEX without CONCURRENTLY blocks writes to"
                + " table 't'",
            "CREATE UNIQUE");
    LintFixture.upgrade("DROP INDEX ix")
        .reportsOnly(
            WARNING,
            "[Retort/IndexWithoutConcurrently] DROP INDEX without CONCURRENTLY blocks writes to the"
                + " table of index 'ix'",
            "DROP INDEX");
  }

  @Test
  void indexOnATableOrOfAnIndexTheRevisionCreatesIsSilent() {
    LintFixture.upgrade("CREATE TABLE t (a INT)", "CREATE INDEX ix ON t (a)")
        .downgrade("DROP INDEX ix", "DROP TABLE t")
        .isSilent();
  }

  @Test
  void notNullColumnWithoutDefault() {
    LintFixture.upgrade("ALTER TABLE t ADD COLUMN c INT NOT NULL")
        .reportsOnly(
            WARNING,
            "[Retort/NotNullWithoutDefault] adding column 'c' NOT NULL without a default fails"
                + " when table 't' has rows",
            "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 0")
        .downgrade("ALTER TABLE t DROP COLUMN c")
        .isSilent();
  }

  @Test
  void volatileDefaultOnAnExistingTable() {
    LintFixture.upgrade("ALTER TABLE t ADD COLUMN at TIMESTAMPTZ DEFAULT now()")
        .reportsOnly(
            WARNING,
            "[Retort/VolatileDefault] the volatile default now() makes adding column 'at' rewrite"
                + " table 't' under an exclusive lock",
            "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t ADD COLUMN id UUID DEFAULT gen_random_uuid()")
        .reportsOnly(
            WARNING, "[Retort/VolatileDefault] the volatile default gen_random_uuid()", "ALTER");
    LintFixture.upgrade(
            "ALTER TABLE t ADD COLUMN at TIMESTAMPTZ",
            "ALTER TABLE t ALTER COLUMN at SET DEFAULT now()")
        .isSilent();
    LintFixture.upgrade(
            "CREATE TABLE t (id INT)", "ALTER TABLE t ADD COLUMN at TIMESTAMPTZ DEFAULT now()")
        .isSilent();
  }

  @Test
  void columnTypeChange() {
    LintFixture.upgrade("ALTER TABLE t ALTER COLUMN c TYPE BIGINT")
        .reportsOnly(
            WARNING,
            "[Retort/ColumnType] changing the type of column 'c' rewrites table 't' under an"
                + " exclusive lock",
            "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t ALTER c SET DATA TYPE BIGINT")
        .reportsOnly(WARNING, "[Retort/ColumnType]", "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t ADD COLUMN c2 BIGINT").isSilent();
  }

  @Test
  void setNotNull() {
    LintFixture.upgrade("ALTER TABLE t ALTER COLUMN c SET NOT NULL")
        .reportsOnly(
            WARNING,
            "[Retort/SetNotNull] SET NOT NULL on column 'c' scans table 't' under an exclusive"
                + " lock; add CHECK (c IS NOT NULL) NOT VALID",
            "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID")
        .downgrade("ALTER TABLE t DROP CONSTRAINT c_nn")
        .isSilent();
  }

  @Test
  void foreignKeyOrCheckWithoutNotValid() {
    LintFixture.upgrade("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id)")
        .reportsOnly(
            WARNING,
            "[Retort/ConstraintWithoutNotValid] ADD FOREIGN KEY on table 't' checks every row",
            "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t ADD CHECK (n > 0)")
        .reportsOnly(WARNING, "[Retort/ConstraintWithoutNotValid] ADD CHECK", "ALTER TABLE");
    LintFixture.upgrade(
            "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id) NOT VALID",
            "ALTER TABLE t ADD CHECK (n > 0) NOT VALID")
        .isSilent();
  }

  @Test
  void primaryKeyOrUniqueBuiltUnderALock() {
    LintFixture.upgrade("ALTER TABLE t ADD CONSTRAINT uq UNIQUE (c)")
        .reportsOnly(
            WARNING,
            "[Retort/UniqueConstraint] ADD UNIQUE on table 't' builds its index under a lock that"
                + " blocks writes; CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT"
                + " ... UNIQUE USING INDEX",
            "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t ADD PRIMARY KEY (id)")
        .reportsOnly(WARNING, "[Retort/UniqueConstraint] ADD PRIMARY KEY", "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t ADD CONSTRAINT uq UNIQUE USING INDEX ux").isSilent();
  }

  @Test
  void renameOfAnExistingTableOrColumn() {
    LintFixture.upgrade("ALTER TABLE t RENAME COLUMN a TO b")
        .reportsOnly(
            WARNING,
            "[Retort/Rename] renaming column 'a' of table 't' breaks the version of the"
                + " application still running with the old name",
            "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t RENAME TO u")
        .reportsOnly(WARNING, "[Retort/Rename] renaming table 't'", "ALTER TABLE");
    LintFixture.upgrade("CREATE TABLE t (a INT)", "ALTER TABLE t RENAME COLUMN a TO b").isSilent();
  }

  @Test
  void dropColumnOfAnExistingColumn() {
    LintFixture.upgrade("ALTER TABLE t DROP COLUMN c")
        .reportsOnly(
            WARNING,
            "[Retort/DropColumn] dropping column 'c' of table 't' breaks the version of the"
                + " application still reading it",
            "ALTER TABLE");
    LintFixture.upgrade("ALTER TABLE t ADD COLUMN c INT")
        .downgrade("ALTER TABLE t DROP COLUMN c")
        .isSilent();
  }

  @Test
  void dropTableOfAnExistingTable() {
    LintFixture.upgrade("DROP TABLE IF EXISTS t")
        .reportsOnly(
            WARNING,
            "[Retort/DropTable] dropping table 't' breaks the version of the application still"
                + " using it",
            "DROP TABLE");
    LintFixture.upgrade("CREATE TABLE t (a INT)").downgrade("DROP TABLE t").isSilent();
  }

  @Test
  void truncateOfAnExistingTable() {
    LintFixture.upgrade("TRUNCATE TABLE t")
        .reportsOnly(
            WARNING,
            "[Retort/Truncate] TRUNCATE of table 't' deletes every row under a lock",
            "TRUNCATE");
    LintFixture.upgrade("CREATE TEMPORARY TABLE t (a INT)", "TRUNCATE t").isSilent();
  }
}
