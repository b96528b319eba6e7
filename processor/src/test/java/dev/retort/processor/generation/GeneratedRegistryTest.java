package dev.retort.processor.generation;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.GeneratedRegistry;
import dev.retort.Migration;
import dev.retort.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The API's side of the generated format: rows in several arrays are one list. */
class GeneratedRegistryTest {

  private static String[] row(String id, String revises) {
    return new String[] {id, revises, "", "", "", "tr", "", "p." + id, ""};
  }

  @Test
  void rowsSplitOverArraysAreOneOrderAndEachRevisionGetsItsIndex() {
    List<Integer> asked = new ArrayList<>();
    IntFunction<Migration> migrations =
        index -> {
          asked.add(index);
          return ctx -> {};
        };
    String[] first = row("a", "");
    String[] second = concat(row("b", "a"), row("c", "b"));

    List<RevisionInfo> revisions = GeneratedRegistry.v1(new String[][] {first, second}, migrations);

    assertThat(revisions.stream().map(RevisionInfo::id).toList())
        .containsExactly("a", "b", "c")
        .inOrder();
    assertThat(asked).isEmpty();
    revisions.get(2).newMigration();
    revisions.get(0).newMigration();
    assertThat(asked).containsExactly(2, 0).inOrder();
    assertThrows(UnsupportedOperationException.class, () -> revisions.remove(0));
  }

  @Test
  void anArrayOfPartRowsIsRefused() {
    String[] broken = {"a", "", ""};

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GeneratedRegistry.v1(new String[][] {broken}, index -> ctx -> {}));
    assertThat(e).hasMessageThat().contains("an array of 3 holds no whole number of rows");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
