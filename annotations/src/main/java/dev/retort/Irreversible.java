package dev.retort;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a revision that cannot be downgraded, and says why. Without it, a revision must override
 * {@link Migration#downgrade(MigrationContext)}. Downgrading through an irreversible revision is
 * refused before anything runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Irreversible {

  /** Why the revision cannot be undone, shown when a downgrade is refused. */
  String value();
}
