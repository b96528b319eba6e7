package dev.retort.graph;

/** A target that does not name a revision of the graph, or names several. */
public final class TargetException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the target could not be resolved. */
  public enum Reason {
    /** No revision, prefix or label matches. */
    UNKNOWN,
    /** A prefix matches several revisions. */
    AMBIGUOUS,
    /** {@code head} or {@code LABEL@head} with several heads. */
    MULTIPLE_HEADS,
    /** A relative step runs off the end of the graph or through a branch. */
    OUT_OF_RANGE,
    /** The target is empty, which would otherwise be the start of every id. */
    EMPTY
  }

  private final Reason reason;

  TargetException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the target could not be resolved. */
  public Reason reason() {
    return reason;
  }
}
