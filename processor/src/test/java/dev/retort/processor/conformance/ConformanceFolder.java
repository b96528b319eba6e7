package dev.retort.processor.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code shared/conformance}: the repository is cloned beside {@code shared/}, so the folder
 * is found by walking up from the working directory. Missing data fails the suite: a conformance
 * test that silently skips proves nothing.
 */
final class ConformanceFolder {

  private ConformanceFolder() {}

  static Path locate() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("conformance");
      if (Files.isDirectory(candidate.resolve("alembic-1.8.1"))) return candidate;
    }
    throw new AssertionError(
        "shared/conformance not found in "
            + start
            + " or any folder above it; the conformance data must sit beside the repository"
            + " clone (…/shared/conformance/alembic-1.8.1 and …/shared/conformance/real-world)");
  }
}
