package dev.retort.runtime;

import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.dialect.Identifiers;
import dev.retort.runtime.engine.ConnectionSource;
import dev.retort.runtime.engine.JdbcUrls;
import dev.retort.runtime.engine.Retry;
import dev.retort.runtime.engine.ScriptWriter;
import dev.retort.runtime.engine.Session;
import dev.retort.runtime.engine.StepRunner;
import dev.retort.graph.GraphNode;
import dev.retort.graph.GraphProblem;
import dev.retort.graph.InvalidGraphException;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.TargetException;
import dev.retort.graph.Targets;
import dev.retort.runtime.history.VersionStore;
import dev.retort.runtime.plan.Planner;
import dev.retort.runtime.plan.Step;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class Retort {

  private static final Logger LOG = LoggerFactory.getLogger(Retort.class);

  private final RevisionGraph graph;
  private final Map<String, RevisionInfo> revisions;
  private final Planner planner;
  private final Targets targets;
  private final ConnectionSource source;
  private final String table;
  private final Optional<String> schema;
  private final Duration lockTimeout;
  private final boolean acceptChecksumDrift;
  private final Retry startupRetry;
  private final Optional<String> dialect;

  private Retort(Builder b) {
    Identifiers.check("version table", b.table);
    b.schema.ifPresent(s -> Identifiers.check("schema", s));
    List<RevisionInfo> all = new ArrayList<>();
    b.registries.forEach(r -> all.addAll(r.revisions()));
    if (all.isEmpty()) {
      throw new RetortException(
          ErrorCode.EMPTY_REGISTRY,
          "the registry has no revisions; annotate migration classes with @Revision and make sure"
              + " the Retort annotation processor runs (annotationProcessorPaths)");
    }
    List<GraphNode> nodes = new ArrayList<>(all.size());
    Map<String, RevisionInfo> byId = new HashMap<>(all.size() * 2);
    for (RevisionInfo r : all) {
      nodes.add(new GraphNode(r.id(), r.revises(), r.dependsOn(), r.branchLabels(), r.className()));
      byId.put(r.id(), r);
    }
    this.graph = graph(nodes, b.registries.size() == 1);
    this.revisions = Collections.unmodifiableMap(byId);
    this.planner = new Planner(graph, revisions);
    this.targets = new Targets(graph);
    this.source = Objects.requireNonNull(b.source, "a dataSource or url is required");
    this.table = b.table;
    this.schema = b.schema;
    this.lockTimeout = b.lockTimeout;
    this.acceptChecksumDrift = b.acceptChecksumDrift;
    this.startupRetry = b.startupRetry;
    this.dialect = b.dialect;
  }

  /**
   * The graph of the registries' revisions. One generated registry was checked and ordered at
   * compile time; several were, but not against each other, so they are checked as one graph.
   */
  private static RevisionGraph graph(List<GraphNode> nodes, boolean oneRegistry) {
    try {
      return oneRegistry ? RevisionGraph.ofOrdered(nodes) : RevisionGraph.of(nodes);
    } catch (InvalidGraphException e) {
      throw new RetortException(
          ErrorCode.INVALID_GRAPH,
          "the registries do not form a valid revision graph: "
              + e.problems().stream().map(GraphProblem::message).collect(Collectors.joining("; ")),
          e);
    }
  }

  /**
   * A builder over one or more registries. One registry is taken as the processor generated it,
   * checked and ordered at compile time; several are checked as one graph.
   */
  public static Builder builder(MigrationRegistry... registries) {
    return new Builder(List.of(registries));
  }

  /** Applies every missing ancestor of {@code target} ({@code heads}, an id, {@code +1}...). */
  public MigrationResult upgrade(String target) {
    return migrate(
        "upgrade", target, Retry.NONE, rows -> planner.upgrade(rows, resolveUp(target, rows)));
  }

  /** Reverts every applied descendant of {@code target} ({@code base}, an id, {@code -1}...). */
  public MigrationResult downgrade(String target) {
    return migrate(
        "downgrade",
        target,
        Retry.NONE,
        rows -> planner.downgrade(rows, resolveDown(target, rows)));
  }

  /**
   * The one call for application start-up: upgrades to {@code heads}, retrying a failure to connect
   * with exponential backoff (by default 3 retries after 2, 4 and 8 s). A failing migration is
   * never retried.
   */
  public MigrationResult upgradeOnStartup() {
    return migrate("upgrade", "heads", startupRetry, rows -> planner.upgrade(rows, graph.heads()));
  }

  private MigrationResult migrate(
      String command, String target, Retry retry, Function<List<String>, List<Step>> plan) {
    long start = System.nanoTime();
    try (Session session = open(retry)) {
      Optional<List<String>> idle = upToDate(session, plan);
      List<String> rows;
      List<Step> steps;
      if (idle.isPresent()) {
        rows = idle.get();
        steps = List.of();
      } else {
        session.lock(lockTimeout);
        rows = checkedRows(session);
        steps = plan.apply(rows);
      }
      List<String> before = rows;
      LOG.info("Database {} at {}; {} to {}", source.describe(), describe(rows), command, target);
      List<String> ran = new ArrayList<>();
      StepRunner runner = new StepRunner(session);
      for (Step step : steps) {
        runner.run(step);
        ran.add(step.revision().id());
        rows = step.rowsAfter();
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      LOG.info(
          "Database {} now at {}: {} in {} ms",
          source.describe(),
          describe(rows),
          ran.isEmpty()
              ? "nothing to " + command
              : command + "d " + ran.size() + (ran.size() == 1 ? " revision" : " revisions"),
          elapsed.toMillis());
      return new MigrationResult(before, rows, List.copyOf(ran), elapsed);
    }
  }

  /**
   * The version rows when the database needs nothing: known rows, nothing to run, nothing
   * unfinished, no drift. Most application starts end here, so this reads without taking the lock
   * or writing anything; anything else goes the locked way, which reads again and decides.
   */
  private Optional<List<String>> upToDate(
      Session session, Function<List<String>, List<Step>> plan) {
    List<String> rows = session.rowsOrEmpty();
    for (String row : rows) {
      if (!graph.contains(row)) return Optional.empty();
    }
    if (!plan.apply(rows).isEmpty()) return Optional.empty();
    VersionStore.History history = session.history();
    boolean clean =
        history.incomplete().isEmpty() && drifted(history, planner.applied(rows)).isEmpty();
    return clean ? Optional.of(rows) : Optional.empty();
  }

  /**
   * Sets the version rows to {@code target} without running any migration: the rows on its branches
   * are replaced, others kept. {@code purge} first clears every row, also rows this application
   * does not know. The history records the stamp, and it resolves any unfinished non-transactional
   * revision.
   */
  public MigrationResult stamp(String target, boolean purge) {
    long start = System.nanoTime();
    try (Session session = open(Retry.NONE)) {
      session.lock(lockTimeout);
      List<String> before = purge ? session.rows() : knownRows(session.rows());
      List<String> stamped = target.equals("base") ? List.of() : resolveUp(target, before);
      List<String> after = new ArrayList<>(graph.minimalHeads(stamped));
      if (!purge) {
        Set<String> related = Set.copyOf(graph.ancestors(stamped));
        Set<String> below = Set.copyOf(graph.descendants(stamped));
        for (String row : before) {
          if (!related.contains(row) && !below.contains(row) && !target.equals("base"))
            after.add(row);
        }
      }
      List<String> rows = graph.minimalHeads(after);
      Map<String, String> checksums = new TreeMap<>();
      for (String id : stamped.isEmpty() ? List.of("base") : stamped) {
        RevisionInfo info = revisions.get(id);
        checksums.put(id, info == null ? "" : info.checksum());
      }
      session.stamp(rows, checksums);
      LOG.info(
          "Database {} stamped from {} to {}", source.describe(), describe(before), describe(rows));
      return new MigrationResult(
          before, rows, List.of(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** The version rows, sorted; empty when nothing is applied. */
  public List<String> current() {
    try (Session session = open(Retry.NONE)) {
      return session.rowsOrEmpty();
    }
  }

  /** The registry's heads, sorted by id. */
  public List<RevisionInfo> heads() {
    return infos(graph.heads());
  }

  /** Revisions that more than one revision revises (branch points), in topological order. */
  public List<RevisionInfo> branches() {
    return infos(graph.order().stream().filter(id -> graph.revisedBy(id).size() > 1).toList());
  }

  /** Every revision, newest first. */
  public List<RevisionInfo> history() {
    List<String> order = new ArrayList<>(graph.order());
    Collections.reverse(order);
    return infos(order);
  }

  /**
   * The revisions of {@code range}, newest first: {@code FROM:TO} holds the descendants of FROM
   * that are ancestors of TO (both included); either side may be left out.
   */
  public List<RevisionInfo> history(String range) {
    if (range == null || range.isBlank() || range.equals(":")) return history();
    int colon = range.indexOf(':');
    String from = colon < 0 ? range : range.substring(0, colon);
    String to = colon < 0 ? "" : range.substring(colon + 1);
    List<String> ids = new ArrayList<>(graph.order());
    if (!from.isEmpty() && !from.equals("base")) {
      ids.retainAll(Set.copyOf(graph.descendants(List.of(revision(from)))));
    }
    if (!to.isEmpty() && !to.equals("heads")) {
      ids.retainAll(Set.copyOf(graph.ancestors(resolveUp(to, List.of()))));
    }
    Collections.reverse(ids);
    return infos(ids);
  }

  /** The revision named by an id, a unique prefix or a label. */
  public RevisionInfo show(String revision) {
    return revisions.get(revision(revision));
  }

  /**
   * Compares the database with the registry: pending revisions, drifted checksums, unresolved
   * non-transactional failures. Changes nothing; the call a deploy pipeline runs.
   */
  public Status check() {
    try (Session session = open(Retry.NONE)) {
      List<String> rows = knownRows(session.rowsOrEmpty());
      Set<String> applied = planner.applied(rows);
      List<String> pending =
          graph.ancestors(graph.heads()).stream().filter(id -> !applied.contains(id)).toList();
      VersionStore.History history = session.history();
      List<String> incomplete = history.incomplete().stream().map(Retort::describe).toList();
      return new Status(rows, graph.heads(), pending, drifted(history, applied), incomplete);
    }
  }

  /** The SQL of an upgrade, without a database: {@code TO} from base, or {@code FROM:TO}. */
  public String upgradeSql(String range) {
    int colon = range.indexOf(':');
    List<String> from =
        colon <= 0 || range.substring(0, colon).equals("base")
            ? List.of()
            : graph.minimalHeads(resolveUp(range.substring(0, colon), List.of()));
    String to = colon < 0 ? range : range.substring(colon + 1);
    List<Step> steps = planner.upgrade(from, resolveUp(to, from));
    return scriptWriter().write("upgrade " + describe(from) + " -> " + to, steps, from.isEmpty());
  }

  /** The SQL of a downgrade, without a database: {@code FROM:TO}, e.g. {@code heads:base}. */
  public String downgradeSql(String range) {
    int colon = range.indexOf(':');
    if (colon <= 0) {
      throw new RetortException(
          ErrorCode.UNKNOWN_REVISION,
          "an offline downgrade needs a range FROM:TO, such as heads:base, since there is no"
              + " database to read the current revision from");
    }
    List<String> from = graph.minimalHeads(resolveUp(range.substring(0, colon), List.of()));
    String to = range.substring(colon + 1);
    List<Step> steps = planner.downgrade(from, resolveDown(to, from));
    return scriptWriter().write("downgrade " + describe(from) + " -> " + to, steps, false);
  }

  private ScriptWriter scriptWriter() {
    String name =
        dialect.orElseThrow(
            () ->
                new RetortException(
                    ErrorCode.UNSUPPORTED_DATABASE,
                    "offline SQL needs to know the database: build with .url(...) or"
                        + " .dialect(\"postgresql\" | \"sqlite\")"));
    return new ScriptWriter(name, new VersionStore(Dialects.named(name), table, schema));
  }

  private Session open(Retry retry) {
    return Session.open(source, table, schema, retry);
  }

  /** The rows, after checking the database is in a state this registry can move from. */
  private List<String> checkedRows(Session session) {
    List<String> rows = knownRows(session.rows());
    VersionStore.History history = session.history();
    List<VersionStore.Incomplete> incomplete = history.incomplete();
    if (!incomplete.isEmpty()) {
      VersionStore.Incomplete first = incomplete.get(0);
      String before = before(first.revision());
      boolean up = first.direction().equals("up");
      throw new RetortException(
          ErrorCode.INCOMPLETE_REVISION,
          "revision "
              + describe(first)
              + " ran outside a transaction and did not finish, so its changes may be partly"
              + " applied; inspect the database and complete or undo them by hand, then record the"
              + " result with 'stamp "
              + (up ? first.revision() : before)
              + "' (done) or 'stamp "
              + (up ? before : first.revision())
              + "' (undone) and run again");
    }
    List<String> drifted = drifted(history, planner.applied(rows));
    if (!drifted.isEmpty()) {
      String message =
          "the source of applied revision(s) "
              + String.join(", ", drifted)
              + " changed after they were applied";
      if (!acceptChecksumDrift) {
        throw new RetortException(
            ErrorCode.CHECKSUM_DRIFT,
            message
                + "; restore their source, or accept the change with"
                + " Retort.builder(...).acceptChecksumDrift(true)");
      }
      LOG.warn("{}; accepted (acceptChecksumDrift)", message);
    }
    return rows;
  }

  private List<String> knownRows(List<String> rows) {
    for (String row : rows) {
      if (!graph.contains(row)) {
        throw new RetortException(
            ErrorCode.UNKNOWN_DATABASE_REVISION,
            "the database is at revision '"
                + row
                + "', which this application does not contain; run a build that has it, or if it"
                + " was removed on purpose, record the real state with 'stamp --purge <revision>'");
      }
    }
    return rows;
  }

  /** What stands before {@code revision}, as stamp targets: what it revises, or base. */
  private String before(String revision) {
    List<String> revises = graph.node(revision).map(GraphNode::revises).orElse(List.of());
    return revises.isEmpty() ? "base" : String.join("' and 'stamp ", revises);
  }

  private static String describe(VersionStore.Incomplete i) {
    return "'"
        + i.revision()
        + "' ("
        + i.direction()
        + ", started "
        + i.startedAt()
        + (i.error() == null ? ", interrupted" : ", failed: " + i.error())
        + ")";
  }

  private List<String> drifted(VersionStore.History history, Set<String> applied) {
    List<String> drifted = new ArrayList<>();
    for (Map.Entry<String, String> stored : history.checksums().entrySet()) {
      RevisionInfo info = revisions.get(stored.getKey());
      if (info != null
          && applied.contains(info.id())
          && !info.checksum().isEmpty()
          && !info.checksum().equals(stored.getValue())) {
        drifted.add(info.id());
      }
    }
    drifted.sort(null);
    return drifted;
  }

  private List<String> resolveUp(String target, List<String> rows) {
    try {
      return targets.upgradeTarget(target, rows);
    } catch (TargetException e) {
      throw translate(e);
    }
  }

  private Optional<String> resolveDown(String target, List<String> rows) {
    try {
      return targets.downgradeTarget(target, rows);
    } catch (TargetException e) {
      throw translate(e);
    }
  }

  private String revision(String text) {
    try {
      return targets.revision(text);
    } catch (TargetException e) {
      throw translate(e);
    }
  }

  private static RetortException translate(TargetException e) {
    ErrorCode code =
        switch (e.reason()) {
          case UNKNOWN -> ErrorCode.UNKNOWN_REVISION;
          case AMBIGUOUS -> ErrorCode.AMBIGUOUS_REVISION;
          case MULTIPLE_HEADS -> ErrorCode.MULTIPLE_HEADS;
          case OUT_OF_RANGE -> ErrorCode.OUT_OF_RANGE;
        };
    return new RetortException(code, e.getMessage(), e);
  }

  private List<RevisionInfo> infos(List<String> ids) {
    return ids.stream().map(revisions::get).toList();
  }

  private static String describe(List<String> rows) {
    return rows.isEmpty() ? "base" : String.join(", ", rows);
  }

  /** Configures a {@link Retort}. */
  public static final class Builder {

    private final List<MigrationRegistry> registries;
    private ConnectionSource source;
    private String table = "retort_version";
    private Optional<String> schema = Optional.empty();
    private Duration lockTimeout = Duration.ofMinutes(5);
    private boolean acceptChecksumDrift;
    private Retry startupRetry = new Retry(3, Duration.ofSeconds(2));
    private Optional<String> dialect = Optional.empty();

    private Builder(List<MigrationRegistry> registries) {
      this.registries = registries;
    }

    /** The database, as a pool or any other DataSource; {@code name} is how logs show it. */
    public Builder dataSource(DataSource dataSource, String name) {
      Objects.requireNonNull(dataSource, "dataSource");
      String shown = JdbcUrls.mask(name);
      this.source =
          new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
              return dataSource.getConnection();
            }

            @Override
            public String describe() {
              return shown;
            }
          };
      return this;
    }

    /** The database, as a pool or any other DataSource. */
    public Builder dataSource(DataSource dataSource) {
      return dataSource(dataSource, "(DataSource)");
    }

    /** The database, by JDBC URL with credentials in it or none needed. */
    public Builder url(String jdbcUrl) {
      return url(jdbcUrl, null, null);
    }

    /** The database, by JDBC URL and credentials. */
    public Builder url(String jdbcUrl, String user, String password) {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      String shown = JdbcUrls.mask(jdbcUrl);
      this.source =
          new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
              return user == null
                  ? DriverManager.getConnection(jdbcUrl)
                  : DriverManager.getConnection(jdbcUrl, user, password);
            }

            @Override
            public String describe() {
              return shown;
            }
          };
      if (dialect.isEmpty()) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) dialect = Optional.of("postgresql");
        if (jdbcUrl.startsWith("jdbc:sqlite:")) dialect = Optional.of("sqlite");
      }
      return this;
    }

    /** The version table's name (default {@code retort_version}); history goes beside it. */
    public Builder versionTable(String name) {
      this.table = Identifiers.check("version table", name);
      return this;
    }

    /** The schema holding the version and history tables (default: the connection's). */
    public Builder schema(String name) {
      this.schema = Optional.of(Identifiers.check("schema", name));
      return this;
    }

    /** How long to wait for another process's migration lock (default 5 minutes). */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Whether a revision whose source changed after it was applied is only logged as a warning
     * instead of stopping the command (default {@code false}).
     */
    public Builder acceptChecksumDrift(boolean accept) {
      this.acceptChecksumDrift = accept;
      return this;
    }

    /**
     * How {@link #upgradeOnStartup} retries a failure to connect: {@code retries} more attempts,
     * the first after {@code backoff}, each wait twice the last (default 3 and 2 s).
     */
    public Builder startupRetry(int retries, Duration backoff) {
      this.startupRetry = new Retry(retries, backoff);
      return this;
    }

    /** The database dialect for offline SQL when there is no URL to tell it. */
    public Builder dialect(String name) {
      this.dialect = Optional.of(Dialects.named(name).name());
      return this;
    }

    /** The configured {@link Retort}, with its registries checked as one graph. */
    public Retort build() {
      return new Retort(this);
    }
  }
}
