package dev.retort.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * Runs dynamic tests as JUnit runs them (each executable in order, then the stream closed) and
 * keeps how each ended: {@code passed}, {@code aborted: MESSAGE} or {@code failed: MESSAGE}.
 */
final class Outcomes {

  private Outcomes() {}

  static Map<String, String> of(Stream<DynamicTest> tests) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    try (tests) {
      tests.forEach(test -> outcomes.put(test.getDisplayName(), run(test)));
    }
    return outcomes;
  }

  private static String run(DynamicTest test) {
    try {
      test.getExecutable().execute();
      return "passed";
    } catch (TestAbortedException e) {
      return "aborted: " + e.getMessage();
    } catch (Throwable e) {
      return "failed: " + e.getMessage();
    }
  }
}
