package dev.retort.cli;

/** A command that cannot do what was asked, for a reason of the command line's own; exit 1. */
final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The failure; {@code message} says what is wrong and what to do, on one line. */
  CommandFailure(String message) {
    super(message);
  }

  /** The failure, with the exception that caused it. */
  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
