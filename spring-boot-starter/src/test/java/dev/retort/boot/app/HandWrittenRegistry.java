package dev.retort.boot.app;

import dev.retort.Migration;
import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import java.util.List;

/**
 * A second registry of one revision on a labelled branch of its own, beside the generated one: what
 * another module of the application would contribute.
 */
public record HandWrittenRegistry(String id, String label, String sql)
    implements MigrationRegistry {

  @Override
  public List<RevisionInfo> revisions() {
    Migration migration = ctx -> ctx.execute(sql);
    return List.of(
        new RevisionInfo(
            id,
            List.of(),
            List.of(),
            List.of(label),
            "run " + sql,
            true,
            false,
            "a test revision",
            HandWrittenRegistry.class.getName(),
            "",
            () -> migration));
  }
}
