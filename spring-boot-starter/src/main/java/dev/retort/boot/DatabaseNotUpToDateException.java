package dev.retort.boot;

import dev.retort.runtime.Status;
import java.util.List;

/**
 * Stops start-up under {@code retort.mode=validate}: the database is behind the registries, or an
 * applied revision changed or did not finish. The message names the revisions.
 */
public final class DatabaseNotUpToDateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DatabaseNotUpToDateException(Status status) {
    super(
        "retort.mode=validate: the database at "
            + status.describeCurrent()
            + " is not up to date"
            + part("pending revisions", status.pending())
            + part("changed since applied", status.drifted())
            + part("unfinished", status.incomplete())
            + "; migrate it before starting the application, or set retort.mode=migrate");
  }

  private static String part(String what, List<String> revisions) {
    return revisions.isEmpty() ? "" : "; " + what + ": " + String.join(", ", revisions);
  }
}
