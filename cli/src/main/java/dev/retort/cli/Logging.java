package dev.retort.cli;

/**
 * How much of the runtime's log the command line shows. The runtime logs one INFO line per revision
 * and a summary through SLF4J, and each statement at DEBUG. {@code -v} lowers Retort's loggers to
 * DEBUG through the system property that slf4j-simple reads; it has to be set before the first
 * Retort logger exists, which is the case when the command line is the first thing a program runs.
 * With another SLF4J backend, configure the {@code dev.retort} logger there.
 */
final class Logging {

  static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.log.dev.retort";

  private Logging() {}

  /** Shows DEBUG lines, with the SQL, when {@code verbose}; leaves the configuration otherwise. */
  static void configure(boolean verbose) {
    if (verbose) System.setProperty(SIMPLE_LOGGER_LEVEL, "debug");
  }
}
