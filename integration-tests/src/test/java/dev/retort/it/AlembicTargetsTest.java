package dev.retort.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.SoundOutcome;
import dev.retort.testkit.TargetConformance;
import dev.retort.testkit.TargetGraph;
import dev.retort.testkit.TargetGraph.StartState;
import dev.retort.testkit.TargetGraph.TargetScenario;
import dev.retort.testkit.TargetVerdict;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every recorded Alembic target scenario run online through the real runtime, on a SQLite file and
 * on PostgreSQL, on graphs the real processor compiled: from each start state (built once with
 * Retort's own upgrades, then restored row for row before each scenario), the revisions the command
 * runs and the version rows it leaves agree with Alembic's, except where the sound-outcomes list
 * says what Retort does instead and why. Offline scenarios are resolved alike ({@code
 * graph.AlembicTargetsTest}); here the database is what counts.
 */
class AlembicTargetsTest {

  private static final List<String> TABLES = List.of("retort_version", "retort_version_history");
  private static final Map<String, SoundOutcome> SOUND = TargetConformance.soundOutcomes();

  @TempDir Path dir;

  private String postgresql;

  @TestFactory
  Stream<DynamicContainer> everyOnlineScenarioAgreesWithAlembicOrIsListed() {
    return TargetConformance.graphs().stream().map(this::onEveryDatabase);
  }

  private DynamicContainer onEveryDatabase(TargetGraph g) {
    MigrationRegistry[] registry = new MigrationRegistry[1];
    return DynamicContainer.dynamicContainer(
        g.name(),
        Stream.of(TestDatabase.values())
            .map(
                db ->
                    DynamicTest.dynamicTest(
                        db.name().toLowerCase(java.util.Locale.ROOT),
                        () -> {
                          if (registry[0] == null) {
                            registry[0] =
                                RegistryCompiler.compile(
                                    Files.createTempDirectory(dir, "g"),
                                    g.revisions().stream().map(RevisionSpec::logging).toList());
                          }
                          run(g, registry[0], db);
                        })));
  }

  /**
   * A database of its own for graph {@code g}: a SQLite file, or a schema of the one PostgreSQL
   * database of this class (a database per graph would make the server's data directory, which is
   * deleted when the JVM exits, many times larger).
   */
  private String databaseOf(TargetGraph g, TestDatabase db) throws Exception {
    if (db == TestDatabase.SQLITE) return db.freshUrl(dir);
    if (postgresql == null) postgresql = db.freshUrl(dir);
    TestDatabase.execute(postgresql, "CREATE SCHEMA " + g.name());
    return postgresql + (postgresql.contains("?") ? "&" : "?") + "currentSchema=" + g.name();
  }

  private void run(TargetGraph g, MigrationRegistry registry, TestDatabase db) throws Exception {
    String url = databaseOf(g, db);
    Retort retort = Retort.builder(registry).url(url).build();
    TestDatabase.execute(
        url,
        "CREATE TABLE log (seq "
            + (url.startsWith("jdbc:postgresql:") ? "SERIAL" : "INTEGER")
            + " PRIMARY KEY, direction VARCHAR(8) NOT NULL, revision VARCHAR(255) NOT NULL)");
    Map<String, Snapshot> starts = new HashMap<>();
    for (Map.Entry<String, StartState> state : g.startStates().entrySet()) {
      starts.put(state.getKey(), build(url, retort, state.getKey(), state.getValue()));
    }
    Map<TargetVerdict.Kind, Integer> counts = new TreeMap<>();
    List<String> disagreements = new ArrayList<>();
    for (TargetScenario s : g.scenarios()) {
      if (s.offline()) continue;
      starts.get(s.start()).restore(url);
      boolean refused = false;
      try {
        if (s.command().equals("upgrade")) retort.upgrade(s.target());
        else retort.downgrade(s.target());
      } catch (RetortException e) {
        refused = true;
      }
      Set<String> before = Set.copyOf(s.startApplied());
      Set<String> after = new HashSet<>(before);
      List<String> calls = TestDatabase.column(url, "SELECT direction || ' ' || revision FROM log");
      for (String call : calls) {
        String[] parts = call.split(" ", 2);
        if (parts[0].equals("up")) after.add(parts[1]);
        else after.remove(parts[1]);
      }
      List<String> rows = rows(url);
      TargetVerdict verdict = TargetVerdict.of(g.name(), s, SOUND, refused, before, after, rows);
      if (refused && !calls.isEmpty()) {
        verdict =
            new TargetVerdict(TargetVerdict.Kind.DISAGREES, s.id() + ": refused, ran " + calls);
      }
      counts.merge(verdict.kind(), 1, Integer::sum);
      if (verdict.kind() == TargetVerdict.Kind.DISAGREES) disagreements.add(verdict.detail());
    }
    System.out.println("alembic-targets " + g.name() + " on " + db + ": " + counts);
    assertEquals(List.of(), disagreements, g.name() + " on " + db + ": " + counts);
  }

  /** Builds a start state with Retort's own upgrades, from no rows, and remembers its tables. */
  private static Snapshot build(String url, Retort retort, String name, StartState state)
      throws Exception {
    new Snapshot(Map.of()).restore(url);
    for (List<String> command : state.setup()) {
      assertEquals("upgrade", command.get(0), name);
      retort.upgrade(command.get(1));
    }
    assertEquals(state.versionTable(), rows(url), name + ": version rows of the start state");
    Map<String, List<List<Object>>> tables = new HashMap<>();
    for (String table : TABLES) {
      try (Connection c = DriverManager.getConnection(url)) {
        if (Snapshot.exists(c, table)) tables.put(table, read(url, table));
      }
    }
    return new Snapshot(tables);
  }

  private static List<String> rows(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      if (!Snapshot.exists(c, "retort_version")) return List.of();
    }
    return TestDatabase.column(url, "SELECT version_num FROM retort_version ORDER BY version_num");
  }

  private static List<List<Object>> read(String url, String table) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) row.add(rs.getObject(i));
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * The rows of Retort's tables in a start state; restoring them (and emptying the log) puts the
   * database back in that state in one connection, where rebuilding it would take a command per
   * setup step.
   */
  private record Snapshot(Map<String, List<List<Object>>> tables) {

    void restore(String url) throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("DELETE FROM log");
        for (String table : TABLES) {
          if (!exists(c, table)) continue;
          s.execute("DELETE FROM " + table);
          for (List<Object> row : tables.getOrDefault(table, List.of())) insert(c, table, row);
        }
      }
    }

    /** Whether {@code table} is in the connection's schema (PostgreSQL's holds one per graph). */
    static boolean exists(Connection c, String table) throws SQLException {
      try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), table, null)) {
        return rs.next();
      }
    }

    private static void insert(Connection c, String table, List<Object> row) throws SQLException {
      String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
        for (int i = 0; i < row.size(); i++) p.setObject(i + 1, row.get(i));
        p.executeUpdate();
      }
    }
  }
}
