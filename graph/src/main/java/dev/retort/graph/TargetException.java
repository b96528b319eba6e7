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
    /** {@code head}, {@code LABEL@head} or a relative step from several revisions. */
    MULTIPLE_HEADS,
    /** A relative step runs off the end of the graph. */
    OUT_OF_RANGE,
    /** A relative step meets a branch point or a merge. */
    AMBIGUOUS_WALK,
    /** A downgrade to a revision that is not applied. */
    NOT_APPLIED,
    /** A target this command does not take: a range online, a wrong-way range, a step back. */
    INVALID,
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
