package dev.retort.runtime.testdb;

import dev.retort.runtime.engine.Catalog;
import dev.retort.runtime.engine.Config;
import dev.retort.runtime.engine.Engine;
import dev.retort.runtime.engine.LockWait;
import dev.retort.runtime.engine.Retry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The processor-compiled test registry, as a {@code Retort} sees it. */
public final class Fixtures {

  private Fixtures() {}

  /** The catalog of {@link TestMigrations}, built as {@code Retort.Builder.build} builds it. */
  public static Catalog catalog() {
    Config noDatabase =
        new Config(
            Optional.empty(),
            "retort_version",
            Optional.empty(),
            Duration.ofSeconds(5),
            false,
            Retry.NONE,
            LockWait.DEFAULT,
            Optional.empty());
    return Engine.create(List.of(TestMigrations.registry()), noDatabase).catalog();
  }
}
