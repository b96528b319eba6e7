package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.AppliedRevision;
import dev.retort.runtime.Retort;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code applied()}: each revision the database holds, with how, when and by whom. */
class AppliedTest {

  @TempDir Path dir;

  private static List<String> how(Retort retort) {
    return retort.applied().stream().map(a -> a.id() + " " + a.how()).toList();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eachAppliedRevisionSaysHowWhenAndByWhom(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir, List.of(table("a"), table("b", "a"), table("c", "b"))))
            .url(url)
            .build();
    retort.upgrade("b");
    List<AppliedRevision> applied = retort.applied();
    assertEquals(List.of("a upgrade", "b upgrade"), how(retort));
    for (AppliedRevision revision : applied) {
      assertTrue(revision.at().orElseThrow().startsWith("20"), revision.toString());
      assertTrue(!revision.by().orElseThrow().isBlank(), revision.toString());
    }

    retort.stamp("c", false);
    assertEquals(List.of("a upgrade", "b upgrade", "c stamp"), how(retort));

    retort.stamp("base", false);
    retort.stamp("b", false);
    assertEquals(List.of("a stamp", "b stamp"), how(retort));

    retort.downgrade("a");
    retort.upgrade("heads");
    assertEquals(List.of("a stamp", "b upgrade", "c upgrade"), how(retort));

    TestDatabase.execute(url, "DELETE FROM retort_version_history");
    assertEquals(List.of("a unknown", "b unknown", "c unknown"), how(retort));
    assertTrue(retort.applied().get(0).at().isEmpty());

    retort.downgrade("base");
    assertEquals(List.of(), retort.applied());
  }
}
