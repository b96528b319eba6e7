package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RangeTest {

  @Test
  void bothEnds() {
    assertEquals(new Range(Optional.of("b2"), Optional.of("e5")), Range.parse("b2:e5"));
  }

  @Test
  void eitherEndMayBeLeftOut() {
    assertEquals(new Range(Optional.of("b2"), Optional.empty()), Range.parse("b2:"));
    assertEquals(new Range(Optional.empty(), Optional.of("e5")), Range.parse(":e5"));
    assertEquals(new Range(Optional.empty(), Optional.empty()), Range.parse(":"));
  }

  @Test
  void withoutAColonTheTextIsTo() {
    assertEquals(new Range(Optional.empty(), Optional.of("heads")), Range.parse("heads"));
  }

  @Test
  void onlyTheFirstColonSplits() {
    assertEquals(new Range(Optional.of("-2"), Optional.of("x:y")), Range.parse("-2:x:y"));
  }
}
