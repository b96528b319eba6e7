package dev.retort.graph;

import dev.retort.graph.GraphProblem.EdgeKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every structural problem of a set of revisions: malformed and duplicate ids, edges to
 * undeclared ids, cycles, and malformed or duplicate branch labels. It never stops at the first
 * problem, so a build shows them all at once. Runs in time linear in revisions plus edges.
 */
public final class GraphCheck {

  private GraphCheck() {}

  /** Every problem of {@code nodes}, in a deterministic order; empty for a valid graph. */
  public static List<GraphProblem> problems(List<GraphNode> nodes) {
    List<GraphProblem> problems = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    Map<String, List<String>> origins = new HashMap<>();
    for (GraphNode node : nodes) {
      origins.computeIfAbsent(node.id(), k -> new ArrayList<>(1)).add(node.origin());
    }
    for (int i = 0; i < nodes.size(); i++) {
      String id = nodes.get(i).id();
      String reason = RevisionIds.problem(id);
      if (reason != null) {
        problems.add(new GraphProblem.MalformedId(i, id, reason));
      }
      if (firstIndex.putIfAbsent(id, i) != null) {
        problems.add(new GraphProblem.DuplicateId(i, id, List.copyOf(origins.get(id))));
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      GraphNode node = nodes.get(i);
      missing(i, node, EdgeKind.REVISES, node.revises(), firstIndex, problems);
      missing(i, node, EdgeKind.DEPENDS_ON, node.dependsOn(), firstIndex, problems);
    }
    problems.addAll(cycles(nodes, firstIndex));
    problems.addAll(malformedLabels(nodes, firstIndex));
    problems.addAll(duplicateLabels(nodes));
    return problems;
  }

  /** A label is written in targets ({@code LABEL@head}), so it follows the id rules too. */
  private static List<GraphProblem> malformedLabels(
      List<GraphNode> nodes, Map<String, Integer> ids) {
    List<GraphProblem> found = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (String label : nodes.get(i).branchLabels()) {
        String reason =
            ids.containsKey(label)
                ? "is also a revision id, so a target could mean either"
                : RevisionIds.formProblem(label);
        if (reason != null) {
          found.add(new GraphProblem.MalformedLabel(i, nodes.get(i).id(), label, reason));
        }
      }
    }
    return found;
  }

  private static void missing(
      int index,
      GraphNode node,
      EdgeKind kind,
      List<String> targets,
      Map<String, Integer> known,
      List<GraphProblem> problems) {
    for (String target : targets) {
      if (!known.containsKey(target)) {
        problems.add(
            new GraphProblem.MissingRevision(
                index, node.id(), kind, target, NearestIds.of(target, known.keySet())));
      }
    }
  }

  /** One cycle per strongly connected component, as the shortest cycle through its least id. */
  private static List<GraphProblem> cycles(List<GraphNode> nodes, Map<String, Integer> firstIndex) {
    int n = nodes.size();
    int[][] edges = new int[n][];
    for (int i = 0; i < n; i++) {
      GraphNode node = nodes.get(i);
      List<Integer> targets = new ArrayList<>();
      if (firstIndex.get(node.id()) == i) {
        for (String t : node.revises()) {
          Integer j = firstIndex.get(t);
          if (j != null) targets.add(j);
        }
        for (String t : node.dependsOn()) {
          Integer j = firstIndex.get(t);
          if (j != null) targets.add(j);
        }
      }
      edges[i] = targets.stream().mapToInt(Integer::intValue).toArray();
    }
    List<GraphProblem> found = new ArrayList<>();
    // Shared by every component and reset after each, so that many small cycles stay linear.
    boolean[] inComponent = new boolean[n];
    int[] previous = new int[n];
    java.util.Arrays.fill(previous, -1);
    for (int[] component : StronglyConnected.components(edges)) {
      boolean selfLoop = component.length == 1 && contains(edges[component[0]], component[0]);
      if (component.length > 1 || selfLoop) {
        found.add(cycleThroughLeast(nodes, edges, component, inComponent, previous));
      }
    }
    found.sort((a, b) -> a.revision().compareTo(b.revision()));
    return found;
  }

  private static GraphProblem cycleThroughLeast(
      List<GraphNode> nodes,
      int[][] edges,
      int[] component,
      boolean[] inComponent,
      int[] previous) {
    int least = component[0];
    for (int v : component) {
      inComponent[v] = true;
      if (nodes.get(v).id().compareTo(nodes.get(least).id()) < 0) least = v;
    }
    // Breadth-first from the least id back to itself gives the shortest, stable path.
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(least);
    int last = -1;
    while (!queue.isEmpty() && last < 0) {
      int v = queue.poll();
      for (int w : sortedById(edges[v], nodes)) {
        if (!inComponent[w]) continue;
        if (w == least) {
          last = v;
          break;
        }
        if (previous[w] < 0) {
          previous[w] = v;
          queue.add(w);
        }
      }
    }
    List<String> path = new ArrayList<>();
    path.add(nodes.get(least).id());
    for (int v = last; v != least; v = previous[v]) {
      path.add(nodes.get(v).id());
    }
    path.add(nodes.get(least).id());
    Collections.reverse(path.subList(1, path.size() - 1));
    for (int v : component) {
      inComponent[v] = false;
      previous[v] = -1;
    }
    GraphNode start = nodes.get(least);
    EdgeKind kind = start.revises().contains(path.get(1)) ? EdgeKind.REVISES : EdgeKind.DEPENDS_ON;
    return new GraphProblem.Cycle(least, start.id(), List.copyOf(path), kind);
  }

  private static int[] sortedById(int[] targets, List<GraphNode> nodes) {
    return java.util.Arrays.stream(targets)
        .boxed()
        .sorted((a, b) -> nodes.get(a).id().compareTo(nodes.get(b).id()))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) return true;
    }
    return false;
  }

  private static List<GraphProblem> duplicateLabels(List<GraphNode> nodes) {
    Map<String, List<Integer>> owners = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (String label : nodes.get(i).branchLabels()) {
        owners.computeIfAbsent(label, l -> new ArrayList<>()).add(i);
      }
    }
    List<GraphProblem> found = new ArrayList<>();
    owners.forEach(
        (label, indexes) -> {
          List<String> sorted = indexes.stream().map(i -> nodes.get(i).id()).sorted().toList();
          for (int i : indexes.subList(1, indexes.size())) {
            found.add(new GraphProblem.DuplicateLabel(i, nodes.get(i).id(), label, sorted));
          }
        });
    return found;
  }
}
