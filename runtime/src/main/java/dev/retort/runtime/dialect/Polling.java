package dev.retort.runtime.dialect;

/** The wait between two attempts to take a lock that another session holds. */
final class Polling {

  private Polling() {}

  /**
   * Sleeps {@code pollMillis} before another attempt.
   *
   * @return false, without sleeping, once {@code deadline} (a {@link System#nanoTime} value) has
   *     passed, or when the thread is interrupted (which stays set): the lock was not taken in time
   */
  static boolean again(long deadline, long pollMillis) {
    if (System.nanoTime() >= deadline) return false;
    try {
      Thread.sleep(pollMillis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
