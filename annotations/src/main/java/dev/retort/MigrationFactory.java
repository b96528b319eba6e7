package dev.retort;

/** Creates the {@link Migration} of one revision; called only when that revision runs. */
@FunctionalInterface
public interface MigrationFactory {

  /** A new instance of the revision's migration class. */
  Migration create();
}
