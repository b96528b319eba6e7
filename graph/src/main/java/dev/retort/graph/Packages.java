package dev.retort.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where a registry and new revisions go by default: the longest package that holds every revision
 * class. One rule for the processor's default registry name and the command line's new revisions.
 */
public final class Packages {

  private Packages() {}

  /** The longest common package of {@code packages}, by whole segments; empty when none. */
  public static String longestCommon(Collection<String> packages) {
    List<String> common = null;
    for (String name : packages) {
      List<String> segments = name.isEmpty() ? List.of() : List.of(name.split("\\."));
      if (common == null) {
        common = new ArrayList<>(segments);
        continue;
      }
      int same = 0;
      while (same < common.size()
          && same < segments.size()
          && common.get(same).equals(segments.get(same))) {
        same++;
      }
      common.subList(same, common.size()).clear();
    }
    return common == null ? "" : String.join(".", common);
  }

  /** The package of a class's binary name ({@code com.example.db.CreateUsers}); empty for none. */
  public static String of(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }
}
