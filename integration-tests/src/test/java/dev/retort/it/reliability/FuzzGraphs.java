package dev.retort.it.reliability;

import dev.retort.testkit.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random revision graphs for the fuzz tests. */
final class FuzzGraphs {

  // No 'e' or 's', so no generated id is reserved; '_' and digits mix the sort order up.
  private static final String ID_CHARS = "abcxyz019_";

  private FuzzGraphs() {}

  /**
   * A valid graph of {@code size} revisions, each revising and depending on earlier ones only:
   * bases, chains, branches, merges, dependsOn across branches (also on an ancestor of what it
   * revises), and unique branch labels on some revisions.
   */
  static List<Node> randomDag(Random random, int size) {
    List<Node> nodes = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < size; i++) {
      String id;
      do {
        id = randomId(random);
      } while (!ids.add(id));
      List<String> revises = new ArrayList<>();
      List<String> dependsOn = new ArrayList<>();
      if (i > 0 && random.nextInt(6) > 0) {
        revises.add(nodes.get(i - 1 - random.nextInt(Math.min(i, 3))).id());
        if (i > 1 && random.nextInt(4) == 0) {
          String other = nodes.get(random.nextInt(i)).id();
          if (!revises.contains(other)) revises.add(other);
        }
      }
      if (i > 0 && random.nextInt(4) == 0) {
        String other = nodes.get(random.nextInt(i)).id();
        if (!revises.contains(other)) dependsOn.add(other);
      }
      List<String> labels = random.nextInt(5) == 0 ? List.of("l" + i) : List.of();
      nodes.add(new Node(id, revises, dependsOn, labels));
    }
    return nodes;
  }

  static String randomId(Random random) {
    StringBuilder id = new StringBuilder();
    id.append(ID_CHARS.charAt(random.nextInt(6))); // a letter first
    int length = 1 + random.nextInt(3);
    for (int i = 0; i < length; i++) id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    return id.toString();
  }
}
