package dev.retort.runtime.plan;

/** Which way a step moves a revision; the history stores it as an {@code Action}. */
public enum Direction {
  /** The revision is applied: its {@code upgrade} runs. */
  UP,
  /** The revision is reverted: its {@code downgrade} runs. */
  DOWN
}
