package dev.retort;

/**
 * The body of one revision. Implementations are annotated with {@link Revision} and instantiated by
 * the generated registry through their no-argument constructor, only when they run.
 */
public interface Migration {

  /** Applies this revision. Runs in the revision's transaction unless it opts out. */
  void upgrade(MigrationContext ctx) throws Exception;

  /**
   * Reverts {@link #upgrade}. Every revision must override this unless it is {@link Irreversible}.
   *
   * @throws UnsupportedOperationException when not overridden
   */
  default void downgrade(MigrationContext ctx) throws Exception {
    throw new UnsupportedOperationException(
        "revision " + ctx.revisionId() + " is irreversible: it has no downgrade");
  }
}
