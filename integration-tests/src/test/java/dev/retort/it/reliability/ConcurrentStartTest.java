package dev.retort.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Separate JVMs (not threads: each has its own connection, driver and lock) start at the same
 * moment against one database and each runs the start-up upgrade of a 50-revision chain, as the
 * instances of one deployment do. 8 processes by default, 16 with {@code -Plong}.
 */
class ConcurrentStartTest {

  private static final int REVISIONS = 50;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void processesStartingAtOnceApplyEachRevisionExactlyOnce(TestDatabase db) throws Exception {
    runConcurrently(db, Chains.counted(REVISIONS), Chains.LONG ? 16 : 8);
  }

  /**
   * A non-transactional revision in the middle of the chain, slow enough that the other processes
   * reach it while it runs: it must still run once, and nobody may take it for an interrupted one.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aNonTransactionalRevisionAlsoRunsExactlyOnce(TestDatabase db) throws Exception {
    List<RevisionSpec> chain = new ArrayList<>(Chains.counted(REVISIONS));
    int middle = REVISIONS / 2;
    chain.set(
        middle,
        chain
            .get(middle)
            .withUpgrade(Chains.recordRun(Chains.id("r", middle)) + " Thread.sleep(300);")
            .nonTransactional());
    runConcurrently(db, chain, Chains.LONG ? 16 : 8);
  }

  private void runConcurrently(TestDatabase db, List<RevisionSpec> chain, int processes)
      throws Exception {
    String url = db.freshUrl(dir);
    TestDatabase.execute(url, Chains.RUNS_TABLE);
    RegistryCompiler.compile(dir, chain);
    Path barrier = dir.resolve("go");

    long start = System.nanoTime();
    List<ChildJvm> children = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      children.add(ChildJvm.start(dir.resolve("classes"), url, barrier, dir, "child-" + i));
    }
    for (ChildJvm child : children) {
      if (!child.awaitLine("ready", 120_000)) {
        throw new AssertionError("a child never got ready:\n" + child.describe());
      }
    }
    long ready = System.nanoTime();
    Files.createFile(barrier);
    Map<String, Integer> appliedBy = new TreeMap<>();
    for (int i = 0; i < processes; i++) {
      ChildJvm child = children.get(i);
      assertEquals(0, child.exitCode(180), () -> child.describe());
      String done = child.lines().stream().filter(l -> l.startsWith("done ")).findFirst().get();
      appliedBy.put("child-" + i, Integer.parseInt(done.substring(5)));
    }
    System.out.printf(
        "%s: %d processes, ready after %d ms, all done %d ms after the barrier; revisions applied"
            + " per process: %s%n",
        db,
        processes,
        (ready - start) / 1_000_000,
        (System.nanoTime() - ready) / 1_000_000,
        appliedBy);

    assertEquals(List.of(Chains.id("r", REVISIONS - 1)), DbState.versionRows(url));
    Map<String, Integer> expected = new TreeMap<>();
    for (int i = 0; i < REVISIONS; i++) expected.put(Chains.id("r", i), 1);
    assertEquals(expected, DbState.runs(url), "each body ran exactly once");
    List<String> history = DbState.history(url);
    assertEquals(REVISIONS, history.size(), () -> String.join("\n", history));
    assertEquals(
        REVISIONS, history.stream().filter(h -> h.endsWith(" up true")).count(), "upgrade rows");
    assertEquals(
        REVISIONS,
        appliedBy.values().stream().mapToInt(Integer::intValue).sum(),
        "the processes' own reports add up to one run per revision");
  }
}
