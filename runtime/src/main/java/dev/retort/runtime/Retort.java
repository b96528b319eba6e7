package dev.retort.runtime;

import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.Identifiers;
import dev.retort.runtime.engine.Config;
import dev.retort.runtime.engine.ConnectionSource;
import dev.retort.runtime.engine.Engine;
import dev.retort.runtime.engine.LockWait;
import dev.retort.runtime.engine.Retry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Applies generated registries to a database: Alembic's commands over JDBC, with one transaction
 * per revision, a lock against concurrent runs and a history of every step.
 *
 * <pre>{@code
 * Retort retort = Retort.builder(RetortMigrations.registry()).dataSource(dataSource).build();
 * retort.upgradeOnStartup();
 * }</pre>
 *
 * <p>Instances are immutable and may be shared; each command opens and closes its own connection.
 * Without a database, {@link #graph()} and offline SQL work; the rest fail with {@code
 * NO_DATABASE}.
 */
public final class Retort {

  private final Engine engine;
  private final Config config;

  private Retort(Engine engine, Config config) {
    this.engine = engine;
    this.config = config;
  }

  /**
   * This Retort, configured the same, for the database at {@code jdbcUrl} with its version tables
   * in {@code schema} (else the connection's): one target of a {@link Fleet}. The graph is not
   * checked again.
   */
  Retort onTarget(String jdbcUrl, Optional<String> schema) {
    Config target =
        new Config(
            Optional.of(ConnectionSource.of(jdbcUrl, null, null)),
            config.table(),
            schema.or(config::schema),
            config.lockTimeout(),
            config.acceptChecksumDrift(),
            config.startupRetry(),
            config.lockWait(),
            config.dialect());
    return new Retort(Engine.create(engine.catalog(), target), target);
  }

  /** A builder over one or more registries; several are checked as one graph. */
  public static Builder builder(MigrationRegistry... registries) {
    return new Builder(List.of(registries));
  }

  /** The registries' revision graph: heads, branch points, history, single revisions. */
  public GraphView graph() {
    return new GraphView(engine.catalog());
  }

  /** Applies every missing ancestor of {@code target} ({@code heads}, an id, {@code +1}...). */
  public MigrationResult upgrade(String target) {
    return engine.migrate().upgrade(target);
  }

  /** Reverts every applied descendant of {@code target} ({@code base}, an id, {@code -1}...). */
  public MigrationResult downgrade(String target) {
    return engine.migrate().downgrade(target);
  }

  /** At start-up: upgrades to heads, retrying to connect (not a failed migration) with backoff. */
  public MigrationResult upgradeOnStartup() {
    return engine.migrate().upgradeOnStartup();
  }

  /**
   * At start-up: upgrades to {@code target} (such as {@code app@head}), retrying to connect (not a
   * failed migration) with backoff. Named apart from {@link #upgradeOnStartup()} so that {@code
   * retort::upgradeOnStartup} stays one method.
   */
  public MigrationResult upgradeOnStartupTo(String target) {
    return engine.migrate().upgradeOnStartup(target);
  }

  /**
   * Sets the version rows to {@code target}, running nothing: rows on its lines are replaced,
   * others kept; {@code purge} first clears every row. It resolves the unfinished revisions it
   * covers (those on the lines it sets) and no other.
   */
  public MigrationResult stamp(String target, boolean purge) {
    return engine.stamp().stamp(target, purge);
  }

  /**
   * Records the current checksum of each applied revision whose recorded checksum differs (Flyway's
   * {@code repair}), after an intentional edit: one {@code repair} entry each in the history, with
   * who ran it, under the migration lock. Runs nothing, moves no version row, resolves no
   * unfinished revision.
   *
   * @return what it recorded, sorted by revision id; empty when every checksum matched
   */
  public List<ChecksumRepair> repair() {
    return engine.repair().repair();
  }

  /** The version rows, sorted; empty when nothing is applied. */
  public List<String> current() {
    return engine.status().current();
  }

  /**
   * The revisions the database holds, oldest first, each with how, when and by whom it was applied
   * as the history tells (Flyway's {@code info}); empty at base. Creates nothing.
   */
  public List<AppliedRevision> applied() {
    return engine.status().applied();
  }

  /** The registry's heads, sorted by id: {@code graph().heads()}. */
  public List<RevisionInfo> heads() {
    return graph().heads();
  }

  /** The branch points, in topological order: {@code graph().branchPoints()}. */
  public List<RevisionInfo> branches() {
    return graph().branchPoints();
  }

  /** Every revision, newest first: {@code graph().history()}. */
  public List<RevisionInfo> history() {
    return graph().history();
  }

  /** The revisions of {@code range} ({@code FROM:TO}), newest first: see {@link GraphView}. */
  public List<RevisionInfo> history(String range) {
    return graph().history(range);
  }

  /** The revision named by an id, a unique prefix or a label: {@code graph().show(revision)}. */
  public RevisionInfo show(String revision) {
    return graph().show(revision);
  }

  /** Pending, drifted and unfinished revisions; changes nothing (a deploy pipeline's call). */
  public Status check() {
    return engine.status().check();
  }

  /** The SQL of an upgrade, without a database: {@code TO} from base, or {@code FROM:TO}. */
  public String upgradeSql(String range) {
    return engine.script().upgrade(range);
  }

  /** The SQL of a downgrade, without a database: {@code FROM:TO}, e.g. {@code heads:base}. */
  public String downgradeSql(String range) {
    return engine.script().downgrade(range);
  }

  /**
   * How the database's schema differs from the one the registries build at heads, one line each (as
   * the test kit's {@code SchemaSnapshot.diff} lists them: {@code added} is only in the database);
   * empty when they match. The expected schema is built in a temporary SQLite file; the database is
   * only read.
   *
   * @throws RetortException {@code INVALID_ARGUMENT} for a PostgreSQL database: use {@link
   *     #diff(String)}
   */
  public List<String> diff() {
    return engine.diff().diff(Optional.empty());
  }

  /**
   * {@link #diff()}, building the expected schema in the scratch database {@code scratchUrl}: an
   * empty one (Retort's tables aside), such as a PostgreSQL database in which a schema of its own
   * is created and dropped again.
   */
  public List<String> diff(String scratchUrl) {
    return engine.diff().diff(Optional.of(scratchUrl));
  }

  /** Configures a {@link Retort}. */
  public static final class Builder {

    private final List<MigrationRegistry> registries;
    private Optional<ConnectionSource> source = Optional.empty();
    private String table = "retort_version";
    private Optional<String> schema = Optional.empty();
    private Duration lockTimeout = Duration.ofMinutes(5);
    private boolean acceptChecksumDrift;
    private Retry startupRetry = new Retry(3, Duration.ofSeconds(2));
    private LockWait lockWait = LockWait.DEFAULT;
    private Optional<String> dialect = Optional.empty();

    private Builder(List<MigrationRegistry> registries) {
      this.registries = registries;
    }

    /**
     * The database, as a pool or any other DataSource; {@code name} is how logs show it, its
     * password masked. A name that is a JDBC URL, as a pool's usually is, is checked as {@link
     * #url(String)} checks it.
     */
    public Builder dataSource(DataSource dataSource, String name) {
      this.source = Optional.of(ConnectionSource.of(dataSource, name));
      return this;
    }

    /** The database, as a pool or any other DataSource. */
    public Builder dataSource(DataSource dataSource) {
      return dataSource(dataSource, "(DataSource)");
    }

    /**
     * The database, by JDBC URL with credentials in it or none needed. A URL that names no SQLite
     * file, or that the PostgreSQL driver cannot read (such as {@code
     * jdbc:postgresql://USER:PASSWORD@HOST/DB}), is refused with {@code INVALID_URL}.
     */
    public Builder url(String jdbcUrl) {
      return url(jdbcUrl, null, null);
    }

    /** The database, by JDBC URL and credentials; the URL also tells offline SQL the dialect. */
    public Builder url(String jdbcUrl, String user, String password) {
      this.source = Optional.of(ConnectionSource.of(jdbcUrl, user, password));
      if (dialect.isEmpty()) dialect = Dialects.forUrl(jdbcUrl).map(Dialect::name);
      return this;
    }

    /**
     * The version table's name (default {@code retort_version}); history goes beside it, in {@code
     * <name>_history}, so the name has at most 55 characters.
     */
    public Builder versionTable(String name) {
      this.table = Identifiers.versionTable(name);
      return this;
    }

    /** The schema holding the version and history tables (default: the connection's). */
    public Builder schema(String name) {
      this.schema = Optional.of(Identifiers.check("schema", name));
      return this;
    }

    /** How long to wait for another process's migration lock: 0 to 24 hours (default 5 minutes). */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = Waits.lockTimeout(timeout);
      return this;
    }

    /** Whether a changed applied revision only logs a warning, not stops (default false). */
    public Builder acceptChecksumDrift(boolean accept) {
      this.acceptChecksumDrift = accept;
      return this;
    }

    /**
     * Start-up's retries to connect, the first after {@code backoff}, doubling (3, 2 s); at most 24
     * hours of waiting in all.
     */
    public Builder startupRetry(int retries, Duration backoff) {
      Waits.startupRetry(retries, backoff);
      this.startupRetry = new Retry(retries, backoff);
      return this;
    }

    /**
     * On PostgreSQL, how long each statement of a transactional revision may wait for a lock
     * another session holds ({@code lock_timeout}, default 5 s) before the revision gives way: it
     * is rolled back and run again after {@code backoff}, doubling, up to {@code retries} times
     * (default 3, from 2 s). Only such a wait is retried, never another failure. A timeout of 0
     * leaves the database's own {@code lock_timeout}; SQLite has no such waits.
     */
    public Builder ddlLockTimeout(Duration timeout, int retries, Duration backoff) {
      this.lockWait = Waits.ddlLockTimeout(timeout, retries, backoff);
      return this;
    }

    /**
     * {@link #ddlLockTimeout(Duration, int, Duration)} with the retries as they are (3, from 2 s).
     */
    public Builder ddlLockTimeout(Duration timeout) {
      return ddlLockTimeout(timeout, lockWait.retries(), lockWait.backoff());
    }

    /** The database dialect for offline SQL when there is no URL to tell it. */
    public Builder dialect(String name) {
      this.dialect = Optional.of(Dialects.named(name).name());
      return this;
    }

    /** The {@link Retort}, its registries checked; it needs no database to build. */
    public Retort build() {
      Config config =
          new Config(
              source,
              table,
              schema,
              lockTimeout,
              acceptChecksumDrift,
              startupRetry,
              lockWait,
              dialect);
      return new Retort(Engine.create(registries, config), config);
    }
  }
}
