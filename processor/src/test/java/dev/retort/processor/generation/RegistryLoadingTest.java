package dev.retort.processor.generation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.retort.Migration;
import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.processor.Fixtures;
import dev.retort.processor.GeneratedClasses;
import dev.retort.processor.RecordingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compiles a graph, loads the generated registry and runs what it hands out. */
class RegistryLoadingTest {

  private static final List<String> MIGRATION_CLASSES =
      List.of(
          "com.acme.db.CreateUsers",
          "com.acme.db.AddEmailIndex",
          "com.acme.db.teams.CreateTeams",
          "com.acme.db.Cleanup$Merge");

  private GeneratedClasses classes;
  private MigrationRegistry registry;

  @BeforeEach
  void compileAndLoad() {
    Compilation compilation =
        Fixtures.javac().compile(GoldenGraph.sources().toArray(new JavaFileObject[0]));
    assertThat(compilation).succeeded();
    classes = new GeneratedClasses(compilation);
    MIGRATION_CLASSES.forEach(c -> assertThat(classes.has(c)).isTrue());
    registry = classes.registry("com.acme.db.RetortMigrations");
  }

  @Test
  void revisionsComeInTopologicalOrder() {
    List<String> order = registry.revisions().stream().map(RevisionInfo::id).toList();
    assertThat(order).containsExactly("a1f3", "b2c4", "c3d5", "d4e6").inOrder();

    Set<String> seen = new HashSet<>();
    for (RevisionInfo info : registry.revisions()) {
      assertThat(seen).containsAtLeastElementsIn(info.revises());
      assertThat(seen).containsAtLeastElementsIn(info.dependsOn());
      seen.add(info.id());
    }
  }

  @Test
  void metadataIsWhatTheAnnotationsSay() {
    RevisionInfo users = info("a1f3");
    assertThat(users.description()).isEqualTo("create users");
    assertThat(users.revises()).isEmpty();
    assertThat(users.transactional()).isTrue();
    assertThat(users.reversible()).isTrue();
    assertThat(users.irreversibleReason()).isEmpty();
    assertThat(users.className()).isEqualTo("com.acme.db.CreateUsers");

    RevisionInfo index = info("b2c4");
    assertThat(index.description()).isEqualTo("index \"users.email\"\tconcurrently");
    assertThat(index.revises()).containsExactly("a1f3");
    assertThat(index.transactional()).isFalse();

    RevisionInfo teams = info("c3d5");
    assertThat(teams.dependsOn()).containsExactly("b2c4");
    assertThat(teams.branchLabels()).containsExactly("teams", "t").inOrder();

    RevisionInfo merge = info("d4e6");
    assertThat(merge.revises()).containsExactly("b2c4", "c3d5").inOrder();
    assertThat(merge.reversible()).isFalse();
    assertThat(merge.irreversibleReason()).isEqualTo("drops the legacy table");
    assertThat(merge.className()).isEqualTo("com.acme.db.Cleanup$Merge");

    Set<String> checksums = new HashSet<>();
    for (RevisionInfo info : registry.revisions()) {
      assertThat(info.checksum()).matches("v2:[0-9a-f]{61}");
      checksums.add(info.checksum());
    }
    assertThat(checksums).hasSize(4);
  }

  @Test
  void registryIsOneUnmodifiableInstance() {
    assertThat(classes.registry("com.acme.db.RetortMigrations")).isSameInstanceAs(registry);
    assertThrows(UnsupportedOperationException.class, () -> registry.revisions().clear());
  }

  @Test
  void creatingTheRegistryLoadsNoMigrationClass() {
    registry.revisions().forEach(RevisionInfo::id);

    // The loader sees what the JVM resolves on its own, such as the registry's nested classes,
    // so a migration class loaded by the registry would show here.
    assertThat(classes.requested()).contains("com.acme.db.RetortMigrations");
    assertThat(
            classes.requested().stream()
                .anyMatch(n -> n.startsWith("com.acme.db.RetortMigrations$")))
        .isTrue();
    assertThat(classes.requested()).containsNoneIn(MIGRATION_CLASSES);
  }

  @Test
  void newMigrationLoadsOnlyThatRevisionsClass() throws Exception {
    Migration teams = info("c3d5").newMigration();

    assertThat(teams.getClass().getName()).isEqualTo("com.acme.db.teams.CreateTeams");
    assertThat(teams.getClass().getClassLoader()).isSameInstanceAs(classes);
    List<String> loadedMigrations =
        classes.requested().stream().filter(MIGRATION_CLASSES::contains).distinct().toList();
    assertThat(loadedMigrations).containsExactly("com.acme.db.teams.CreateTeams");

    RecordingContext ctx = new RecordingContext("c3d5");
    teams.upgrade(ctx);
    teams.downgrade(ctx);
    assertThat(ctx.statements())
        .containsExactly("CREATE TABLE teams (id INTEGER PRIMARY KEY)", "DROP TABLE teams")
        .inOrder();
  }

  @Test
  void everyRevisionCreatesANewInstanceOfItsOwnClass() {
    for (RevisionInfo info : registry.revisions()) {
      Migration first = info.newMigration();
      assertThat(first.getClass().getName()).isEqualTo(info.className());
      assertThat(info.newMigration()).isNotSameInstanceAs(first);
    }
    assertThat(
            classes.requested().stream()
                .filter(MIGRATION_CLASSES::contains)
                .collect(Collectors.toSet()))
        .containsExactlyElementsIn(MIGRATION_CLASSES);
  }

  private RevisionInfo info(String id) {
    return registry.revisions().stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no revision " + id));
  }
}
