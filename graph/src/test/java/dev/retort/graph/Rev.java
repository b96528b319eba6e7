package dev.retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A terse builder of {@link GraphNode}s, so that a test reads like the graph it draws. */
final class Rev {

  private final String id;
  private List<String> revises = List.of();
  private List<String> dependsOn = List.of();
  private List<String> labels = List.of();
  private String origin = "";

  private Rev(String id) {
    this.id = id;
  }

  static Rev rev(String id) {
    return new Rev(id);
  }

  Rev revises(String... ids) {
    revises = List.of(ids);
    return this;
  }

  Rev dependsOn(String... ids) {
    dependsOn = List.of(ids);
    return this;
  }

  Rev labels(String... names) {
    labels = List.of(names);
    return this;
  }

  Rev from(String origin) {
    this.origin = origin;
    return this;
  }

  GraphNode node() {
    return new GraphNode(id, revises, dependsOn, labels, origin);
  }

  static List<GraphNode> nodes(Rev... revs) {
    List<GraphNode> nodes = new ArrayList<>(revs.length);
    Arrays.stream(revs).map(Rev::node).forEach(nodes::add);
    return nodes;
  }

  static RevisionGraph graph(Rev... revs) {
    return RevisionGraph.of(nodes(revs));
  }

  static List<GraphProblem> problems(Rev... revs) {
    return GraphCheck.problems(nodes(revs));
  }
}
