package dev.retort.graph;

import java.util.Set;

/** The rules a revision id must follow, so that every id can be written as a target. */
final class RevisionIds {

  private static final Set<String> RESERVED = Set.of("head", "heads", "base");

  private RevisionIds() {}

  /** What is wrong with {@code id}, or {@code null} when it is well formed. */
  static String problem(String id) {
    if (id.isEmpty()) return "is empty";
    if (RESERVED.contains(id)) return "is reserved: 'head', 'heads' and 'base' are target names";
    if (id.startsWith("-")) return "starts with '-', which reads as a relative target";
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '@' || c == '+' || c == ':') {
        return "contains '" + c + "', which has a meaning in targets";
      }
      if (Character.isWhitespace(c)) return "contains whitespace";
    }
    return null;
  }
}
