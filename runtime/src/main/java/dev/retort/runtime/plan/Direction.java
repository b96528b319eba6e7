package dev.retort.runtime.plan;

/** Which way a step moves a revision. */
public enum Direction {
  UP("up"),
  DOWN("down");

  private final String label;

  Direction(String label) {
    this.label = label;
  }

  /** {@code up} or {@code down}, as recorded in the history table. */
  public String label() {
    return label;
  }
}
