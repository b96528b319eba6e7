package dev.retort.runtime.history;

import dev.retort.runtime.plan.Direction;
import java.util.Optional;

/** What a history entry records; its label is what the history table's {@code direction} holds. */
public enum Action {
  /** A revision applied. */
  UP("up"),
  /** A revision reverted. */
  DOWN("down"),
  /** The version rows set by hand, nothing run. */
  STAMP("stamp"),
  /**
   * The checksum of an applied revision recorded again after an intentional edit; nothing run, no
   * version row moved, nothing unfinished resolved.
   */
  REPAIR("repair");

  private final String label;

  Action(String label) {
    this.label = label;
  }

  /**
   * {@code up}, {@code down}, {@code stamp} or {@code repair}, as stored (at most 8 characters, the
   * column's width); existing tables hold these strings.
   */
  public String label() {
    return label;
  }

  /** The action of a step that moves a revision {@code direction}. */
  public static Action of(Direction direction) {
    return direction == Direction.UP ? UP : DOWN;
  }

  /** The action stored as {@code label}; empty for a label this version does not know. */
  public static Optional<Action> stored(String label) {
    for (Action action : values()) {
      if (action.label.equals(label)) return Optional.of(action);
    }
    return Optional.empty();
  }
}
