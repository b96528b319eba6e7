package dev.retort;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as one revision of the schema: a node in the revision graph.
 *
 * <p>The annotated class must be a concrete {@link Migration} with a no-argument constructor. The
 * annotation processor checks the whole graph at compile time and generates a {@link
 * MigrationRegistry} from it.
 *
 * <pre>{@code
 * @Revision(id = "a1f3", revises = "base01", description = "add users.email")
 * final class AddUserEmail implements Migration { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Revision {

  /**
   * The revision's unique id. Not {@code head}, {@code heads} or {@code base}; no {@code @}, {@code
   * +}, {@code :}, whitespace or unprintable (control or format) characters; does not start with
   * {@code -}; at most 32 characters, so that it fits the version table's column (Alembic's {@code
   * version_num VARCHAR(32)}, so a database Alembic created can be adopted). The compiler rejects
   * any other id.
   */
  String id();

  /**
   * The revisions this one follows (Alembic's {@code down_revision}): none for a base, two or more
   * for a merge point.
   */
  String[] revises() default {};

  /**
   * Revisions that must be applied before this one although it does not follow them (Alembic's
   * {@code depends_on}), typically on another branch.
   */
  String[] dependsOn() default {};

  /** Names for the branch that starts at this revision (Alembic's {@code branch_labels}). */
  String[] branchLabels() default {};

  /** A one-line human description, shown by {@code history}. */
  String description() default "";

  /**
   * Whether the revision runs inside a transaction together with its version-table update. Set to
   * {@code false} for statements that cannot run in a transaction, such as PostgreSQL's {@code
   * CREATE INDEX CONCURRENTLY}; a failure then leaves a record the next run refuses to pass.
   */
  boolean transactional() default true;
}
