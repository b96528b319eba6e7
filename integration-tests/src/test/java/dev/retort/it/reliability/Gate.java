package dev.retort.it.reliability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a test hold a migration in the middle of its body: a revision compiled with {@code
 * dev.retort.it.reliability.Gate.pass();} signals that it entered and waits until released.
 * Compiled revisions see it because their class loader delegates to the test's. In a child JVM,
 * {@link #holdIfAsked} holds the revision the JVM's {@value #HOLD_AT} names until the test kills
 * the process.
 */
public final class Gate {

  /** The system property that names the revision {@link #holdIfAsked} holds in a child JVM. */
  static final String HOLD_AT = "retort.it.holdAt";

  private static volatile CountDownLatch entered = new CountDownLatch(1);
  private static volatile CountDownLatch release = new CountDownLatch(1);

  private Gate() {}

  /** Closes the gate for the next revision that passes it. */
  static void close() {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  /** Called by a revision body: announces it is inside, then waits to be released. */
  public static void pass() throws InterruptedException {
    entered.countDown();
    if (!release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
  }

  static boolean awaitEntered() throws InterruptedException {
    return entered.await(60, TimeUnit.SECONDS);
  }

  static void open() {
    release.countDown();
  }

  /**
   * Called by a revision body in a child JVM: when {@value #HOLD_AT} names revision {@code id},
   * prints {@code held ID} and waits for the test to kill the process, so that the kill lands
   * inside this body for certain.
   */
  public static void holdIfAsked(String id) throws InterruptedException {
    if (!id.equals(System.getProperty(HOLD_AT))) return;
    System.out.println("held " + id);
    Thread.sleep(120_000);
    throw new IllegalStateException("held revision " + id + " was never killed");
  }
}
