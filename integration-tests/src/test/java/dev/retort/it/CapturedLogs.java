package dev.retort.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** What Retort logged while an action ran: slf4j-simple writes to this JVM's standard error. */
public final class CapturedLogs {

  private CapturedLogs() {}

  /**
   * Runs {@code action} with standard error captured into {@code logs}, and echoed after it so the
   * test's output still shows it.
   */
  public static <T> T capturing(StringBuilder logs, Supplier<T> action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      return action.get();
    } finally {
      System.setErr(original);
      logs.append(captured.toString(StandardCharsets.UTF_8));
      original.print(logs);
    }
  }
}
