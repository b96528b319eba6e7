package dev.retort.runtime.plan;

import java.util.List;

/** How messages and logs name a set of version rows. */
public final class VersionRows {

  private VersionRows() {}

  /** The rows joined by commas, or {@code base} when there are none, as targets name it. */
  public static String describe(List<String> rows) {
    return rows.isEmpty() ? "base" : String.join(", ", rows);
  }
}
