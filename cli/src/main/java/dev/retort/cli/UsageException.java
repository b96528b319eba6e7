package dev.retort.cli;

/** A command line that cannot be understood; exit code 2. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Verb verb;

  /** A mistake in the use of {@code verb}, or of the program when {@code verb} is null. */
  UsageException(Verb verb, String message) {
    super(message);
    this.verb = verb;
  }

  /** The verb whose help explains the mistake, or null for the program's help. */
  Verb verb() {
    return verb;
  }
}
