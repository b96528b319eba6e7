package dev.retort.boot;

import dev.retort.runtime.RetortException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Shows Retort's one-line message as the reason start-up failed, in place of the bean-creation
 * stack trace around it (registered in {@code META-INF/spring.factories}).
 */
final class RetortFailureAnalyzer implements FailureAnalyzer {

  private static final String ACTION =
      "Retort stopped start-up before anything used the database: do what the description says.";

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetortException || cause instanceof DatabaseNotUpToDateException) {
        return new FailureAnalysis(cause.getMessage(), ACTION, cause);
      }
    }
    return null;
  }
}
