package dev.retort.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a drawing like {@code git log --graph} shows revisions: newest first, each
 * after everything that revises or depends on it, and each branch kept together rather than
 * interleaved (git's {@code --topo-order}). After a merge the branch of its last parent comes
 * first, as in git. The graph's own {@link RevisionGraph#order() order} interleaves branches by id,
 * which a list reads well but a drawing does not.
 */
public final class DrawingOrder {

  private DrawingOrder() {}

  /**
   * The revisions {@code ids} of {@code graph}, ordered for drawing; edges leaving them are cut.
   */
  public static List<String> of(RevisionGraph graph, Collection<String> ids) {
    List<String> oldestFirst = graph.inOrder(ids);
    Set<String> drawn = new HashSet<>(oldestFirst);
    Map<String, List<String>> parents = new HashMap<>();
    Map<String, Integer> waiting = new HashMap<>();
    oldestFirst.forEach(id -> waiting.put(id, 0));
    for (String id : oldestFirst) {
      List<String> inside = graph.parents(id).stream().filter(drawn::contains).toList();
      parents.put(id, inside);
      inside.forEach(parent -> waiting.merge(parent, 1, Integer::sum));
    }
    Deque<String> ready = new ArrayDeque<>();
    // A stack: the head latest in the graph's order is drawn first.
    for (String id : oldestFirst) {
      if (waiting.get(id) == 0) ready.push(id);
    }
    List<String> order = new ArrayList<>(oldestFirst.size());
    while (!ready.isEmpty()) {
      String id = ready.pop();
      order.add(id);
      for (String parent : parents.get(id)) {
        if (waiting.merge(parent, -1, Integer::sum) == 0) ready.push(parent);
      }
    }
    return order;
  }
}
