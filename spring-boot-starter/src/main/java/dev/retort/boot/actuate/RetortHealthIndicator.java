package dev.retort.boot.actuate;

import dev.retort.runtime.Retort;
import dev.retort.runtime.Status;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down when the database is behind the registries, or an applied revision changed or did not
 * finish; down with the error when Retort cannot read it.
 */
public class RetortHealthIndicator extends AbstractHealthIndicator {

  private final Retort retort;

  /** The health of {@code retort}'s database. */
  public RetortHealthIndicator(Retort retort) {
    super("Retort could not check the database");
    this.retort = retort;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Status status = retort.check();
    (status.upToDate() ? builder.up() : builder.down())
        .withDetail("current", status.current())
        .withDetail("heads", status.heads())
        .withDetail("pending", status.pending())
        .withDetail("drifted", status.drifted())
        .withDetail("incomplete", status.incomplete());
  }
}
