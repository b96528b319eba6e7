package dev.retort.runtime;

/**
 * Everything that stops a Retort command. The message is one line for a person: what is wrong and
 * what to do; {@link #code()} is for programs. It is one line by construction ({@link
 * SafeText#oneLine}), whatever it quotes, such as SQL or a driver's error; the database's URL in it
 * has its password masked.
 */
public final class RetortException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /** An error with no underlying cause. */
  public RetortException(ErrorCode code, String message) {
    super(SafeText.oneLine(message));
    this.code = code;
  }

  /** An error caused by {@code cause}. */
  public RetortException(ErrorCode code, String message, Throwable cause) {
    super(SafeText.oneLine(message), cause);
    this.code = code;
  }

  /** What went wrong. */
  public ErrorCode code() {
    return code;
  }
}
