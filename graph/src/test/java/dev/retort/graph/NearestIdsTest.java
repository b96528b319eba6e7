package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestIdsTest {

  @Test
  void oneTypoAway() {
    assertEquals(List.of("a1f3"), NearestIds.of("a1f4", List.of("zzzz", "b2c4", "a1f3")));
  }

  @Test
  void nearestFirstTiesByIdAtMostThree() {
    List<String> known = List.of("abcxyz", "abcdxy", "abcdefgh", "abcdez", "abcdeg");
    // abcdeg and abcdez are one edit away, abcdefgh and abcdxy two, abcxyz three (too far).
    assertEquals(List.of("abcdeg", "abcdez", "abcdefgh"), NearestIds.of("abcdef", known));
  }

  @Test
  void prefixOfALongIdIsClose() {
    // A shortened hash is the usual slip, so a prefix counts as close whatever its length.
    assertEquals(List.of("a1f3e9c2"), NearestIds.of("a1f3", List.of("a1f3e9c2", "ffff")));
  }

  @Test
  void nothingCloseGivesNothing() {
    assertEquals(List.of(), NearestIds.of("create_users", List.of("add_index", "drop_table")));
    assertEquals(List.of(), NearestIds.of("x", List.of()));
  }
}
