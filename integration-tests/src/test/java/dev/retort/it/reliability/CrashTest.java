package dev.retort.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A child JVM upgrading a chain is killed with SIGKILL at a random moment: inside a revision body
 * or between two. After each kill the version table names a revision whose effects are all there
 * and none after it are, no lock is left, and the next process resumes where the dead one stopped;
 * kills follow each other on one database until the chain is done, then a new round starts.
 *
 * <p>Durability is not at stake here, so the shared server's {@code fsync=off} and SQLite's {@code
 * synchronous=OFF} do not weaken the test: only the client dies; the PostgreSQL server and the
 * kernel (which holds SQLite's written pages and journal) stay up, and what they acknowledged is
 * what every later connection reads. A crash of the server or machine would need fsync on.
 *
 * <p>The first kill of a run lands inside a revision body for certain: that child is told to stop
 * after the body's first effect ({@link Gate#holdIfAsked}). The others fall where the seeded delays
 * put them. The seed is fixed, random under {@code -Plong}, and printed ({@link Seeds}); {@code
 * -Dretort.it.seed=N} repeats the chain and the kill delays (the moments themselves still depend on
 * the machine's speed).
 */
class CrashTest {

  private static final int CHAIN = 30;
  private static final long DEFAULT_SEED = 0x5EED_C2A5L;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aKilledUpgradeLeavesAConsistentPrefixAndTheNextProcessFinishesIt(TestDatabase db)
      throws Exception {
    long seed = Seeds.seed(DEFAULT_SEED);
    System.out.printf("CrashTest %s: seed %d%n", db, seed);
    try {
      killRepeatedly(db, seed);
    } catch (Throwable e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private void killRepeatedly(TestDatabase db, long seed) throws Exception {
    Random random = new Random(seed);
    int kills = Chains.LONG ? 40 : 10;
    RegistryCompiler.compile(dir, Chains.slow(CHAIN, random));
    Path classes = dir.resolve("classes");
    Map<String, Integer> landed = new TreeMap<>();
    int windowMillis = 400;
    int rounds = 0;
    int children = 0;
    long start = System.nanoTime();
    String url = null;
    for (int k = 0; k < kills; ) {
      if (url == null) {
        url = db.freshUrl(dir);
        TestDatabase.execute(url, Chains.RUNS_TABLE);
        rounds++;
      }
      // The first child stops inside a body until it is killed.
      String held = children == 0 ? Chains.id("c", random.nextInt(CHAIN)) : null;
      List<String> options = held == null ? List.of() : List.of("-D" + Gate.HOLD_AT + "=" + held);
      ChildJvm child = ChildJvm.start(classes, url, null, dir, "child-" + children++, options);
      assertTrue(child.awaitLine("start", 60_000), () -> child.describe());
      int delay = 0;
      if (held != null) {
        assertTrue(child.awaitLine("held " + held, 60_000), () -> child.describe());
      } else {
        // Mostly timed from the first body, since a cold JVM spends a while connecting; sometimes
        // from the start, to hit the connecting, locking and planning too; sometimes as soon as
        // the n-th body starts, to land inside one more often.
        int strategy = random.nextInt(10);
        if (strategy < 2) {
          delay = random.nextInt(windowMillis);
        } else if (strategy < 5) {
          child.awaitPrefix("in ", 1 + random.nextInt(8), 30_000);
        } else {
          child.awaitPrefix("in ", 1, 30_000);
          delay = random.nextInt(windowMillis);
        }
      }
      Thread.sleep(delay);
      child.kill();
      List<String> lines = child.lines();
      String where =
          "seed " + seed + ", kill " + k + " after " + delay + " ms:\n" + child.describe();
      int at = consistentPrefix(url, where);
      if (lines.stream().anyMatch(l -> l.startsWith("done "))) {
        // The chain ended before the kill: nothing to judge, but aim earlier from now on.
        assertEquals(CHAIN - 1, at, where);
        windowMillis = Math.max(50, windowMillis * 3 / 4);
        landed.merge("after the end", 1, Integer::sum);
        url = null;
        continue;
      }
      if (held != null) {
        assertEquals("inside a body", landing(lines), where);
        assertEquals(Integer.parseInt(held.substring(1)) - 1, at, "held in " + held + "; " + where);
      }
      landed.merge(landing(lines), 1, Integer::sum);
      assertTrue(DbState.lockFree(db, url, 10_000), "a lock outlived its process; " + where);
      k++;
    }
    if (url != null) {
      ChildJvm finisher = ChildJvm.start(classes, url, null, dir, "finisher");
      assertEquals(0, finisher.exitCode(120), () -> finisher.describe());
      assertEquals(CHAIN - 1, consistentPrefix(url, "seed " + seed + ", after the finisher"));
    }
    System.out.printf(
        "%s: seed %d, %d kills in %d rounds (%d child JVMs) in %d ms; landed: %s%n",
        db, seed, kills, rounds, children, (System.nanoTime() - start) / 1_000_000, landed);
    assertTrue(
        landed.getOrDefault("inside a body", 0) > 0,
        "no kill landed inside a revision body: " + landed);
  }

  /** Where the last progress line puts the kill. */
  private static String landing(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.startsWith("in ")) return "inside a body";
      if (line.startsWith("out ")) return "between bodies";
      if (line.equals("start")) return "before the first body";
    }
    return "before the first body";
  }

  /**
   * Checks that the database holds exactly the effects of {@code c00..cJ}, each once, with the
   * version table at {@code cJ} and one successful history row each, and returns J (-1 at base).
   */
  private static int consistentPrefix(String url, String where) throws SQLException {
    // A kill before the first command created the version tables leaves none.
    boolean created = TestDatabase.tableExists(url, "retort_version");
    List<String> rows = created ? DbState.versionRows(url) : List.of();
    assertTrue(rows.size() <= 1, where + "\nversion rows " + rows);
    int at = rows.isEmpty() ? -1 : Integer.parseInt(rows.get(0).substring(1));
    Map<String, Integer> runs = DbState.runs(url);
    List<String> history =
        TestDatabase.tableExists(url, "retort_version_history") ? DbState.history(url) : List.of();
    try (Connection c = DriverManager.getConnection(url)) {
      for (int i = 0; i < CHAIN; i++) {
        String id = Chains.id("c", i);
        boolean applied = i <= at;
        String state = where + "\nat " + rows + ", revision " + id + ", runs " + runs;
        assertEquals(applied ? 1 : 0, runs.getOrDefault(id, 0), state);
        assertEquals(applied ? 1 : 0, rowsOf(c, "t_" + id), state);
        assertEquals(
            applied ? 1 : 0, history.stream().filter((id + " up true")::equals).count(), state);
      }
    }
    return at;
  }

  /** The rows of {@code table}, or 0 when it does not exist (so a half-made one counts). */
  private static int rowsOf(Connection c, String table) throws SQLException {
    try (ResultSet tables = c.getMetaData().getTables(null, null, table, null)) {
      if (!tables.next()) return 0;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      int count = rs.getInt(1);
      // An existing but empty table is a half-applied body: report it as such.
      return count == 0 ? -1 : count;
    }
  }
}
