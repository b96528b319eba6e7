package dev.retort.runtime.engine;

import dev.retort.graph.TargetException;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.sql.SQLException;
import java.util.function.Supplier;

/** Turns the graph's and the database's exceptions into Retort's, with the code that fits. */
final class Errors {

  private Errors() {}

  /** What {@code resolution} returns, a target the graph cannot resolve being a Retort error. */
  static <T> T resolving(Supplier<T> resolution) {
    try {
      return resolution.get();
    } catch (TargetException e) {
      throw target(e);
    }
  }

  /** A target that names no revision, or several, or is empty. */
  static RetortException target(TargetException e) {
    ErrorCode code =
        switch (e.reason()) {
          case UNKNOWN -> ErrorCode.UNKNOWN_REVISION;
          case AMBIGUOUS -> ErrorCode.AMBIGUOUS_REVISION;
          case MULTIPLE_HEADS -> ErrorCode.MULTIPLE_HEADS;
          case OUT_OF_RANGE, AMBIGUOUS_WALK -> ErrorCode.OUT_OF_RANGE;
          case NOT_APPLIED -> ErrorCode.NOT_APPLIED;
          case INVALID, EMPTY -> ErrorCode.INVALID_ARGUMENT;
        };
    return new RetortException(code, e.getMessage(), e);
  }

  /** A database error outside any migration body, while doing {@code what}. */
  static RetortException database(String what, SQLException e) {
    return new RetortException(ErrorCode.DATABASE_ERROR, what + ": " + e.getMessage(), e);
  }
}
