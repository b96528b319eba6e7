package dev.retort.runtime.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which {@code history --graph} draws revisions: newest first, each after everything
 * that revises or depends on it, and each branch kept together rather than interleaved (git's
 * {@code --topo-order}). After a merge the branch of its last parent comes first, as in git.
 */
final class GraphOrder {

  private GraphOrder() {}

  /**
   * The ids of {@code nodes}, ordered for drawing.
   *
   * @param nodes every revision to draw, oldest first (the registry's order)
   * @param parents what each revision revises and depends on, among {@code nodes}
   */
  static List<String> of(List<String> nodes, Map<String, List<String>> parents) {
    Map<String, Integer> waiting = new HashMap<>();
    nodes.forEach(id -> waiting.put(id, 0));
    for (String id : nodes) {
      for (String parent : distinct(parents.get(id))) waiting.merge(parent, 1, Integer::sum);
    }
    Deque<String> ready = new ArrayDeque<>();
    // The head latest in the registry's order is drawn first.
    for (String id : nodes) {
      if (waiting.get(id) == 0) ready.push(id);
    }
    List<String> order = new ArrayList<>(nodes.size());
    while (!ready.isEmpty()) {
      String id = ready.pop();
      order.add(id);
      for (String parent : distinct(parents.get(id))) {
        if (waiting.merge(parent, -1, Integer::sum) == 0) ready.push(parent);
      }
    }
    return order;
  }

  private static Set<String> distinct(Collection<String> ids) {
    return new LinkedHashSet<>(ids);
  }
}
