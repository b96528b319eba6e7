package dev.retort.processor;

import com.palantir.javapoet.ClassName;

/**
 * The API types the processor refers to, by name only: the processor never loads them, so it works
 * whatever version of the API the user compiles against.
 */
public final class Names {

  /** {@code @Revision}, by its qualified name. */
  public static final String REVISION = "dev.retort.Revision";

  /** {@code @Irreversible}, by its qualified name. */
  public static final String IRREVERSIBLE = "dev.retort.Irreversible";

  /** The {@code @Generated} the registry carries, when the compilation has it (Java 9+). */
  public static final String GENERATED = "javax.annotation.processing.Generated";

  /** What every revision class implements. */
  public static final ClassName MIGRATION = ClassName.get("dev.retort", "Migration");

  /** The parameter of {@code upgrade} and {@code downgrade}. */
  public static final ClassName MIGRATION_CONTEXT = ClassName.get("dev.retort", "MigrationContext");

  /** What the generated registry implements. */
  public static final ClassName MIGRATION_REGISTRY =
      ClassName.get("dev.retort", "MigrationRegistry");

  /** One revision as the generated registry hands it out. */
  public static final ClassName REVISION_INFO = ClassName.get("dev.retort", "RevisionInfo");

  /** The API's versioned entry point for generated registries; see RevisionRows. */
  public static final ClassName GENERATED_REGISTRY =
      ClassName.get("dev.retort", "GeneratedRegistry");

  /** The registry's creator of migrations, by revision index. */
  public static final ClassName INT_FUNCTION = ClassName.get("java.util.function", "IntFunction");

  /** {@code java.util.List}. */
  public static final ClassName LIST = ClassName.get("java.util", "List");

  /** The processor option naming the generated registry class. */
  public static final String REGISTRY_OPTION = "retort.registry";

  /** The processor option deciding whether unlabeled parallel heads fail the build. */
  public static final String MULTIPLE_HEADS_OPTION = "retort.multipleHeads";

  /** The option that sets how the PostgreSQL safety checks report. */
  public static final String LINT_OPTION = "retort.lint";

  /** Accepts a safety check on a revision. */
  public static final String ACCEPTED = "dev.retort.Accepted";

  /** Holds repeated {@code @Accepted}. */
  public static final String ACCEPTED_LIST = "dev.retort.Accepted.List";

  /** The simple name of the registry when {@link #REGISTRY_OPTION} is not given. */
  public static final String DEFAULT_REGISTRY_NAME = "RetortMigrations";

  private Names() {}
}
