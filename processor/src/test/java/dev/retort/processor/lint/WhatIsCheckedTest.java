package dev.retort.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static javax.tools.Diagnostic.Kind.ERROR;
import static javax.tools.Diagnostic.Kind.WARNING;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The SQL the checks see (constants, read as PostgreSQL reads them) and the ways of saying "I
 * know": {@code @Accepted} and {@code -Aretort.lint}.
 */
class WhatIsCheckedTest {

  private static final String REVISION = "@Revision(id = \"a1\")";
  private static final String NO_MEMBERS = "";

  @Test
  void commentsStringsQuotedIdentifiersAndDollarQuotesHideNoStatement() {
    LintFixture.upgrade(
            "-- DROP TABLE t;\\nSELECT 1 /* DROP TABLE t; /* nested */ TRUNCATE t; */",
            "INSERT INTO notes (text) VALUES ('it''s; DROP TABLE t'), (E'\\\\'; TRUNCATE t')",
            "DO $body$ BEGIN EXECUTE 'x'; DROP TABLE t; END $body$",
            "SELECT \"DROP TABLE t;\" FROM u; SELECT $$ ; TRUNCATE t $$")
        .isSilent();
  }

  @Test
  void quotedNamesKeepTheirCaseAndEveryStatementOfAStringIsChecked() {
    LintFixture.upgrade("CREATE TABLE \"Users\" (\"Email\" TEXT); DROP TABLE users")
        .reportsOnly(WARNING, "[Retort/DropTable] dropping table 'users'", "CREATE TABLE");
  }

  @Test
  void constantConcatenationsAndConstantFieldsAreChecked() {
    LintFixture.upgradeExpressions(NO_MEMBERS, "\"ALTER TABLE t \" + (\"DROP \" + \"COLUMN c\")")
        .reportsOnly(WARNING, "[Retort/DropColumn] dropping column 'c'", "ALTER TABLE t ");
    LintFixture.upgradeExpressions(
            "private static final String TABLE = \"accounts\";", "\"DROP TABLE \" + TABLE")
        .reportsOnly(WARNING, "[Retort/DropTable] dropping table 'accounts'", "DROP TABLE ");
  }

  @Test
  void sqlBuiltAtRunTimeIsNotChecked() {
    LintFixture.upgradeExpressions(NO_MEMBERS, "\"DROP TABLE \" + ctx.dialect()").isSilent();
  }

  @Test
  void aTableCreatedBySqlBuiltAtRunTimeIsKnownByItsConstantStart() {
    LintFixture.upgradeExpressions(
            NO_MEMBERS, "\"CREATE TABLE t (id \" + ctx.dialect() + \")\"", "\"DROP TABLE t\"")
        .isSilent();
  }

  @Test
  void anAcceptedRuleIsSilentAndTheOthersStillReport() {
    LintFixture.upgrade("TRUNCATE t", "DROP TABLE u")
        .annotatedWith(
            REVISION + "\n@Accepted(rule = \"Truncate\", reason = \"t holds a disposable cache\")")
        .reportsOnly(WARNING, "[Retort/DropTable] dropping table 'u'", "DROP TABLE");
    LintFixture.upgrade("TRUNCATE t", "DROP TABLE u")
        .annotatedWith(
            REVISION
                + "\n@Accepted(rule = \"Truncate\", reason = \"a disposable cache\")"
                + "\n@Accepted(rule = \"DropTable\", reason = \"u was never read\")")
        .isSilent();
  }

  @Test
  void anAcceptedRuleNeedsAReasonAndAnExistingRule() {
    LintFixture blank =
        LintFixture.upgrade("TRUNCATE t")
            .annotatedWith(REVISION + "\n@Accepted(rule = \"Truncate\", reason = \" \")");
    assertThat(blank.compile())
        .hadErrorContaining(
            "[Retort/AcceptedReason] @Accepted(rule = \"Truncate\") on p.Change gives no reason;"
                + " say why the statement is safe here")
        .inFile(blank.source())
        .onLineContaining("@Accepted");
    Compilation unknown =
        LintFixture.upgrade("TRUNCATE t")
            .annotatedWith(REVISION + "\n@Accepted(rule = \"Truncat\", reason = \"a cache\")")
            .compile();
    assertThat(unknown)
        .hadErrorContaining(
            "[Retort/AcceptedRule] @Accepted(rule = \"Truncat\") on p.Change names no safety"
                + " check; the checks are ColumnType, ConcurrentlyInTransaction,");
  }

  @Test
  void lintErrorMakesEveryFindingAnError() {
    LintFixture.upgrade("TRUNCATE t")
        .reportsOnly(ERROR, "[Retort/Truncate]", "TRUNCATE", "-Aretort.lint=error");
  }

  @Test
  void lintOffChecksNothing() {
    assertThat(
            LintFixture.upgrade("TRUNCATE t", "CREATE INDEX CONCURRENTLY ix ON t (a)")
                .compile("-Aretort.lint=off"))
        .succeededWithoutWarnings();
  }

  @Test
  void anUnknownLintValueIsAWarningNamingTheChoices() {
    Compilation compilation = LintFixture.upgrade("SELECT 1").compile("-Aretort.lint=strict");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[Retort/LintOption] -Aretort.lint=strict is not a choice, so the safety checks report"
                + " as warnings; choose -Aretort.lint=error, warn or off");
  }
}
