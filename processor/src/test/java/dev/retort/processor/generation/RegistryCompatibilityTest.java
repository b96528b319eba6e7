package dev.retort.processor.generation;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.Migration;
import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.processor.GeneratedClasses;
import dev.retort.processor.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry compiled by Retort 0.1, kept as class files in the test resources ({@code
 * compat/registry-v1}, with its sources and a README), loads with the API being built and says
 * everything it said then.
 *
 * <p>Every later version must keep this test passing with those class files as they are: they stand
 * for the registries in applications' and libraries' jars, which nobody recompiles when Retort is
 * upgraded. Never regenerate them to make this test pass; keep {@code GeneratedRegistry.v1} working
 * instead. A new format gets its own folder and test beside these.
 */
class RegistryCompatibilityTest {

  private static final String FOLDER = "/compat/registry-v1/classes";

  private static final List<String> MIGRATION_CLASSES =
      List.of(
          "compat.v1.CreateAccounts",
          "compat.v1.CreateAudit",
          "compat.v1.AddEmail",
          "compat.v1.Merges$Merge");

  private GeneratedClasses classes;
  private List<RevisionInfo> revisions;

  @BeforeEach
  void load() {
    classes = GeneratedClasses.inResourceFolder(FOLDER);
    MigrationRegistry registry = classes.registry("compat.v1.Registry");
    revisions = registry.revisions();
  }

  @Test
  void everyFieldOfEveryRevisionReadsAsCompiled() {
    assertThat(revisions.stream().map(RevisionInfo::id).toList())
        .containsExactly("a100", "b200", "c300", "d400")
        .inOrder();

    RevisionInfo accounts = revisions.get(0);
    assertThat(accounts.revises()).isEmpty();
    assertThat(accounts.dependsOn()).isEmpty();
    assertThat(accounts.branchLabels()).isEmpty();
    assertThat(accounts.description()).isEqualTo("create accounts");
    assertThat(accounts.transactional()).isTrue();
    assertThat(accounts.reversible()).isTrue();
    assertThat(accounts.irreversibleReason()).isEmpty();
    assertThat(accounts.className()).isEqualTo("compat.v1.CreateAccounts");
    assertThat(accounts.checksum())
        .isEqualTo("cfa2276f0700d58e1567012728838d8652755fb25dd392bcb217a77bc5afb566");

    RevisionInfo audit = revisions.get(1);
    assertThat(audit.revises()).containsExactly("a100");
    assertThat(audit.dependsOn()).isEmpty();
    assertThat(audit.branchLabels()).containsExactly("audit", "log").inOrder();
    assertThat(audit.description()).isEqualTo("audit log, indexed \"concurrently\"");
    assertThat(audit.transactional()).isFalse();
    assertThat(audit.reversible()).isTrue();
    assertThat(audit.irreversibleReason()).isEmpty();
    assertThat(audit.className()).isEqualTo("compat.v1.CreateAudit");
    assertThat(audit.checksum())
        .isEqualTo("2bc334258b1dd12d7c666b646cc9fcf1504aba958bd3a9d232c6810041c473f7");

    RevisionInfo email = revisions.get(2);
    assertThat(email.revises()).containsExactly("a100");
    assertThat(email.dependsOn()).containsExactly("b200");
    assertThat(email.branchLabels()).isEmpty();
    assertThat(email.description()).isEmpty();
    assertThat(email.transactional()).isTrue();
    assertThat(email.reversible()).isTrue();
    assertThat(email.className()).isEqualTo("compat.v1.AddEmail");
    assertThat(email.checksum())
        .isEqualTo("e5709996b1a73d23bc474c3c4c7d7a5a4876ae1a565f1a1337c1bebe0b2c3283");

    RevisionInfo merge = revisions.get(3);
    assertThat(merge.revises()).containsExactly("b200", "c300").inOrder();
    assertThat(merge.dependsOn()).isEmpty();
    assertThat(merge.branchLabels()).isEmpty();
    assertThat(merge.description()).isEqualTo("merge audit and email");
    assertThat(merge.transactional()).isTrue();
    assertThat(merge.reversible()).isFalse();
    assertThat(merge.irreversibleReason()).isEqualTo("drops the legacy table");
    assertThat(merge.className()).isEqualTo("compat.v1.Merges$Merge");
    assertThat(merge.checksum())
        .isEqualTo("37b6c4c4242bcb66fa9abe4f15c14672bed86166236183b163addd649ec4b30e");
  }

  @Test
  void loadingTheRegistryLoadsNoMigrationClass() {
    assertThat(classes.requested()).contains("compat.v1.Registry");
    assertThat(classes.requested()).containsNoneIn(MIGRATION_CLASSES);
  }

  @Test
  void eachRevisionCreatesAndRunsItsOwnMigration() throws Exception {
    for (RevisionInfo info : revisions) {
      Migration migration = info.newMigration();
      assertThat(migration.getClass().getName()).isEqualTo(info.className());
      assertThat(migration.getClass().getClassLoader()).isSameInstanceAs(classes);
    }

    RecordingContext ctx = new RecordingContext("b200");
    Migration audit = revisions.get(1).newMigration();
    audit.upgrade(ctx);
    audit.downgrade(ctx);
    assertThat(ctx.statements())
        .containsExactly("CREATE TABLE audit (id INTEGER PRIMARY KEY)", "DROP TABLE audit")
        .inOrder();
  }
}
