package dev.retort.runtime.engine;

import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.runtime.history.StoredRows;
import dev.retort.runtime.plan.Planner;
import dev.retort.runtime.plan.Step;
import dev.retort.runtime.plan.VersionRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code upgrade}, {@code downgrade} and the start-up upgrade: plan from the rows, run each step.
 */
public final class MigrateCommand {

  // The summary lines are logged under the facade's name, which is what users look for.
  private static final Logger LOG = LoggerFactory.getLogger(Retort.class);

  private final Catalog catalog;
  private final Planner planner;
  private final SessionTemplate sessions;
  private final Retry startupRetry;

  MigrateCommand(Catalog catalog, SessionTemplate sessions, Retry startupRetry) {
    this.catalog = catalog;
    this.planner = catalog.planner();
    this.sessions = sessions;
    this.startupRetry = startupRetry;
  }

  /** Applies every missing ancestor of {@code target}. */
  public MigrationResult upgrade(String target) {
    return upgrade(target, Retry.NONE);
  }

  /** Upgrades to {@code target}, retrying a failure to connect as configured. */
  public MigrationResult upgradeOnStartup(String target) {
    return upgrade(target, startupRetry);
  }

  private MigrationResult upgrade(String target, Retry retry) {
    return migrate(
        "upgrade",
        target,
        retry,
        rows -> planner.upgrade(rows, catalog.upgradeTarget(target, rows)));
  }

  /** Reverts every applied descendant of {@code target}. */
  public MigrationResult downgrade(String target) {
    return migrate(
        "downgrade",
        target,
        Retry.NONE,
        rows -> planner.downgrade(rows, catalog.downgradeTarget(target, rows)));
  }

  /** Upgrades to the heads, retrying a failure to connect as configured. */
  public MigrationResult upgradeOnStartup() {
    return migrate(
        "upgrade", "heads", startupRetry, rows -> planner.upgrade(rows, catalog.graph().heads()));
  }

  private MigrationResult migrate(
      String command, String target, Retry retry, Function<List<String>, List<Step>> plan) {
    long start = System.nanoTime();
    return sessions.run(
        command,
        retry,
        session -> {
          Optional<List<String>> idle = upToDate(session, plan);
          List<String> rows = idle.isPresent() ? idle.get() : sessions.lockAndCheck(session);
          List<Step> steps = idle.isPresent() ? List.of() : plan.apply(rows);
          List<String> before = rows;
          LOG.info(
              "Database {} at {}; {} to {}",
              sessions.describe(),
              VersionRows.describe(rows),
              command,
              target);
          List<String> ran = new ArrayList<>();
          StepRunner runner = sessions.runner(session);
          for (Step step : steps) {
            runner.run(step);
            ran.add(step.revision().id());
            rows = step.rowsAfter();
          }
          Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
          LOG.info(
              "Database {} now at {}: {} in {} ms",
              sessions.describe(),
              VersionRows.describe(rows),
              ran.isEmpty()
                  ? "nothing to " + command
                  : command + "d " + ran.size() + (ran.size() == 1 ? " revision" : " revisions"),
              elapsed.toMillis());
          return new MigrationResult(before, rows, List.copyOf(ran), elapsed);
        });
  }

  /**
   * The version rows when the database needs nothing: sound rows, nothing to run, nothing
   * unfinished, no drift. Most application starts end here, so this reads without taking the lock
   * or writing anything; anything else goes the locked way, which reads again and decides.
   */
  private Optional<List<String>> upToDate(
      Session session, Function<List<String>, List<Step>> plan) {
    StoredRows stored = session.stored();
    SafetyChecks checks = sessions.checks();
    if (!checks.rows().sound(stored) || !plan.apply(stored.ids()).isEmpty()) {
      return Optional.empty();
    }
    List<String> rows = stored.ids();
    return checks.clean(rows, session.history()) ? Optional.of(rows) : Optional.empty();
  }
}
