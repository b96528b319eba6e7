package dev.retort.graph;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a graph is built from revisions that have structural problems. */
public final class InvalidGraphException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<GraphProblem> problems;

  InvalidGraphException(List<GraphProblem> problems) {
    super(problems.stream().map(GraphProblem::message).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in a deterministic order. */
  public List<GraphProblem> problems() {
    return problems;
  }
}
