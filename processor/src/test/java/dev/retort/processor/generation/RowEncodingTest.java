package dev.retort.processor.generation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.compile;
import static dev.retort.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.processor.GeneratedClasses;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The registry keeps each revision's metadata as a row of strings, lists joined by spaces; values
 * with the characters an encoding could trip on come back out of the loaded registry unchanged.
 */
class RowEncodingTest {

  @Test
  void awkwardValuesSurviveTheRows() {
    JavaFileObject first =
        source(
            "p.First",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "a,1|\\"x\\"", branchLabels = {"l,1", "l|2", "\\\\"},
                description = "two\\nlines, a \\"quote\\" and  two spaces ", transactional = false)
            public class First implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);
    JavaFileObject second =
        source(
            "p.Second",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "b\\u00e9", revises = "a,1|\\"x\\"")
            public class Second implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);
    JavaFileObject merge =
        source(
            "p.Merge",
            """
            package p;

            import dev.retort.*;

            @Revision(id = "c", revises = {"b\\u00e9", "a,1|\\"x\\""}, dependsOn = "b\\u00e9")
            @Irreversible("rows are gone, for good")
            public class Merge implements Migration {
              public void upgrade(MigrationContext ctx) {}
            }
            """);

    Compilation compilation = compile(first, second, merge);

    assertThat(compilation).succeeded();
    MigrationRegistry registry = new GeneratedClasses(compilation).registry("p.RetortMigrations");
    List<RevisionInfo> revisions = registry.revisions();
    assertThat(revisions).hasSize(3);

    RevisionInfo a = revisions.get(0);
    assertThat(a.id()).isEqualTo("a,1|\"x\"");
    assertThat(a.revises()).isEmpty();
    assertThat(a.branchLabels()).containsExactly("l,1", "l|2", "\\").inOrder();
    assertThat(a.description()).isEqualTo("two\nlines, a \"quote\" and  two spaces ");
    assertThat(a.transactional()).isFalse();
    assertThat(a.reversible()).isTrue();
    assertThat(a.irreversibleReason()).isEmpty();
    assertThat(a.className()).isEqualTo("p.First");

    RevisionInfo b = revisions.get(1);
    assertThat(b.id()).isEqualTo("b\u00e9");
    assertThat(b.revises()).containsExactly("a,1|\"x\"");
    assertThat(b.dependsOn()).isEmpty();
    assertThat(b.branchLabels()).isEmpty();
    assertThat(b.description()).isEmpty();
    assertThat(b.transactional()).isTrue();
    assertThat(b.reversible()).isTrue();

    RevisionInfo c = revisions.get(2);
    assertThat(c.revises()).containsExactly("b\u00e9", "a,1|\"x\"").inOrder();
    assertThat(c.dependsOn()).containsExactly("b\u00e9");
    assertThat(c.transactional()).isTrue();
    assertThat(c.reversible()).isFalse();
    assertThat(c.irreversibleReason()).isEqualTo("rows are gone, for good");
    assertThat(c.className()).isEqualTo("p.Merge");
    assertThat(c.newMigration().getClass().getName()).isEqualTo("p.Merge");
  }
}
