package dev.retort.it.reliability;

import java.security.SecureRandom;

/**
 * The seed of a randomized test: {@code -Dretort.it.seed=N} when given, else a random one under
 * {@code -Plong}, else the test's fixed seed, so that CI runs the same cases every time and a long
 * run explores new ones. Tests print the seed and name it in every failure, so that any run can be
 * repeated with {@code -Dretort.it.seed}.
 */
final class Seeds {

  private Seeds() {}

  /** The seed for this run, {@code fixed} unless asked otherwise. */
  static long seed(long fixed) {
    Long given = Long.getLong("retort.it.seed");
    if (given != null) return given;
    return Chains.LONG ? new SecureRandom().nextLong() : fixed;
  }
}
