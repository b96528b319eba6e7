package dev.retort.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackagesTest {

  @Test
  void theLongestCommonPackageGoesByWholeSegments() {
    assertEquals("com.example", Packages.longestCommon(List.of("com.example.db", "com.example")));
    assertEquals("com", Packages.longestCommon(List.of("com.example.db", "com.examples.db")));
    assertEquals("a.b.c", Packages.longestCommon(List.of("a.b.c", "a.b.c")));
  }

  @Test
  void packagesWithNothingInCommonOrNoneAtAllGiveTheUnnamedPackage() {
    assertEquals("", Packages.longestCommon(List.of("com.example", "org.example")));
    assertEquals("", Packages.longestCommon(List.of("com.example", "")));
    assertEquals("", Packages.longestCommon(List.of()));
  }

  @Test
  void thePackageOfABinaryClassName() {
    assertEquals("com.example.db", Packages.of("com.example.db.CreateUsers"));
    assertEquals("com.example.db", Packages.of("com.example.db.Outer$Inner"));
    assertEquals("", Packages.of("TopLevel"));
  }
}
