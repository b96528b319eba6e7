package dev.retort.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command over many databases or schemas (tenants), a few at a time: each target has its own
 * version table, history and lock, so targets never wait for each other; a failed target is
 * reported and the others go on, unless told to stop. Running it again after a partial failure
 * finishes the rest and changes nothing else, since each target's command does only what that
 * target lacks.
 *
 * <pre>{@code
 * Retort template = Retort.builder(Migrations.registry()).build();
 * FleetResult<MigrationResult> result =
 *     Fleet.of(template, Fleet.schemasLike(url, "tenant_%")).parallel(8).run(r -> r.upgrade("heads"));
 * }</pre>
 */
public final class Fleet {

  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

  private final Retort template;
  private final List<FleetTarget> targets;
  private final int parallel;
  private final boolean failFast;
  private final boolean canary;

  private Fleet(
      Retort template, List<FleetTarget> targets, int parallel, boolean failFast, boolean canary) {
    this.template = template;
    this.targets = targets;
    this.parallel = parallel;
    this.failFast = failFast;
    this.canary = canary;
  }

  /**
   * {@code targets}, each migrated as {@code template} is configured (version table, timeouts,
   * drift); its own database, if any, is not one of them. Four at a time, going on after a failure.
   */
  public static Fleet of(Retort template, List<FleetTarget> targets) {
    if (targets.isEmpty()) {
      throw new RetortException(ErrorCode.INVALID_ARGUMENT, "a fleet needs at least one target");
    }
    return new Fleet(Objects.requireNonNull(template), List.copyOf(targets), 4, false, false);
  }

  /**
   * The schemas of the PostgreSQL database at {@code jdbcUrl} whose names match {@code pattern}
   * (SQL {@code LIKE}), sorted, as targets; the system's own schemas are left out.
   */
  public static List<FleetTarget> schemasLike(String jdbcUrl, String pattern) {
    return FleetSchemas.like(jdbcUrl, pattern);
  }

  /**
   * At most {@code targets} at a time (default 4). Each holds one connection while it runs, so keep
   * it within what the database serves ({@code max_connections}).
   */
  public Fleet parallel(int targets) {
    if (targets < 1 || targets > 256) {
      throw new RetortException(
          ErrorCode.INVALID_ARGUMENT,
          "parallel("
              + targets
              + "): give 1 to 256 targets at a time, within what the database"
              + " serves");
    }
    return new Fleet(template, this.targets, targets, failFast, canary);
  }

  /** After the first failure, start no other target (those running finish); default off. */
  public Fleet failFast(boolean stop) {
    return new Fleet(template, targets, parallel, stop, canary);
  }

  /** Run the first target alone, and the rest only if it succeeds; default off. */
  public Fleet canary(boolean first) {
    return new Fleet(template, targets, parallel, failFast, first);
  }

  /** Runs {@code command} on every target and reports each; never throws for a target's failure. */
  public <T> FleetResult<T> run(Function<Retort, T> command) {
    long start = System.nanoTime();
    Progress progress = new Progress(targets.size(), start);
    AtomicBoolean stop = new AtomicBoolean();
    List<FleetResult.Target<T>> results = new ArrayList<>();
    int next = 0;
    if (canary) {
      FleetResult.Target<T> first = runOne(targets.get(0), command, progress, stop);
      results.add(first);
      next = 1;
      if (first.outcome() == FleetResult.Outcome.FAILED) {
        LOG.warn("The canary {} failed; the other targets are not started", first.name());
        stop.set(true);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, targets.size()));
    try {
      List<Future<FleetResult.Target<T>>> running = new ArrayList<>();
      for (FleetTarget target : targets.subList(next, targets.size())) {
        running.add(pool.submit(() -> runOne(target, command, progress, stop)));
      }
      for (Future<FleetResult.Target<T>> result : running) results.add(result.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetortException(ErrorCode.INVALID_ARGUMENT, "interrupted while running the fleet");
    } catch (ExecutionException e) {
      throw new IllegalStateException("a fleet task failed outside its target", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    FleetResult<T> result = new FleetResult<>(results, Duration.ofNanos(System.nanoTime() - start));
    LOG.info("Fleet: {}", result.summary());
    return result;
  }

  private <T> FleetResult.Target<T> runOne(
      FleetTarget target, Function<Retort, T> command, Progress progress, AtomicBoolean stop) {
    if (stop.get()) {
      return new FleetResult.Target<>(
          target.name(),
          FleetResult.Outcome.SKIPPED,
          Optional.empty(),
          Optional.empty(),
          Duration.ZERO);
    }
    LOG.info("Target {}: started", target.name());
    long start = System.nanoTime();
    FleetResult.Target<T> result;
    try {
      T value = command.apply(template.onTarget(target.url(), target.schema()));
      result =
          new FleetResult.Target<>(
              target.name(), outcome(value), Optional.of(value), Optional.empty(), since(start));
    } catch (RuntimeException e) {
      if (failFast) stop.set(true);
      result =
          new FleetResult.Target<>(
              target.name(),
              FleetResult.Outcome.FAILED,
              Optional.empty(),
              Optional.of(SafeText.mask(String.valueOf(e.getMessage()))),
              since(start));
    }
    progress.finished(result);
    return result;
  }

  /** Migrated when a migration or stamp changed the rows, else current. */
  private static FleetResult.Outcome outcome(Object value) {
    return value instanceof MigrationResult migration
            && !migration.before().equals(migration.after())
        ? FleetResult.Outcome.MIGRATED
        : FleetResult.Outcome.CURRENT;
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The "n of N" line after each target, with an estimate of the time left. */
  private static final class Progress {
    private final int total;
    private final long start;
    private final AtomicInteger done = new AtomicInteger();

    Progress(int total, long start) {
      this.total = total;
      this.start = start;
    }

    void finished(FleetResult.Target<?> target) {
      int n = done.incrementAndGet();
      long elapsed = System.nanoTime() - start;
      long left = elapsed / n * (total - n);
      LOG.info(
          "Target {} of {} {} in {} ms; about {} s left",
          n,
          total,
          target,
          target.elapsed().toMillis(),
          Duration.ofNanos(left).toSeconds());
    }
  }
}
