package dev.retort.runtime;

/**
 * Everything that stops a Retort command. The message is one line for a person: what is wrong and
 * what to do; {@link #code()} is for programs. It is one line by construction ({@link
 * SafeText#oneLine}), whatever it quotes, such as SQL or a driver's error; every password in it,
 * and in the messages of its causes, is masked ({@link SafeText#mask}), so that it may be logged
 * with its stack trace.
 */
public final class RetortException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /** An error with no underlying cause. */
  public RetortException(ErrorCode code, String message) {
    super(SafeText.mask(SafeText.oneLine(message)));
    this.code = code;
  }

  /**
   * An error caused by {@code cause}. When a message in the cause's chain shows a password, the
   * cause kept is a copy with the passwords masked.
   */
  public RetortException(ErrorCode code, String message, Throwable cause) {
    super(SafeText.mask(SafeText.oneLine(message)), MaskedCause.of(cause));
    this.code = code;
  }

  /** What went wrong. */
  public ErrorCode code() {
    return code;
  }
}
