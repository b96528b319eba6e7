package dev.retort.boot;

import dev.retort.runtime.Retort;

/**
 * Adjusts the {@link Retort.Builder} after the {@code retort.*} properties are applied, before the
 * {@link Retort} bean is built. Every customizer bean runs, in their {@code @Order}.
 */
@FunctionalInterface
public interface RetortBuilderCustomizer {

  /** Adjusts {@code builder}. */
  void customize(Retort.Builder builder);
}
