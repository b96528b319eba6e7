package dev.retort.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.ConformanceCase;
import dev.retort.testkit.ConformanceSet;
import dev.retort.testkit.GraphOracle;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario of every valid case recorded from Alembic, on graphs compiled by the real
 * processor and applied by the runtime to both databases. Compared as the conformance README says:
 * the same set of calls in a valid order, the same applied set and version table. Where the data
 * marks an Alembic defect (and in the scenario that continues from it), the expectation comes from
 * {@link GraphOracle} instead: the sane result Retort promises.
 */
class AlembicConformanceTest {

  private static final Map<String, ErrorCode> ERRORS =
      Map.of(
          "multiple_heads",
          ErrorCode.MULTIPLE_HEADS,
          "relative_out_of_range",
          ErrorCode.OUT_OF_RANGE);

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicNode> everyValidCaseAgreesWithAlembic() throws Exception {
    return ConformanceSet.all().filter(c -> c.invalidKind() == null).map(this::caseOnEveryDatabase);
  }

  private DynamicContainer caseOnEveryDatabase(ConformanceCase c) {
    MigrationRegistry[] registry = new MigrationRegistry[1];
    return DynamicContainer.dynamicContainer(
        c.name(),
        Stream.of(TestDatabase.values())
            .map(
                db ->
                    DynamicTest.dynamicTest(
                        db.name().toLowerCase(),
                        () -> {
                          if (registry[0] == null) {
                            registry[0] =
                                RegistryCompiler.compile(
                                    Files.createTempDirectory(dir, "c"),
                                    c.revisions().stream().map(RevisionSpec::logging).toList());
                          }
                          run(c, registry[0], db);
                        })));
  }

  private void run(ConformanceCase c, MigrationRegistry registry, TestDatabase db)
      throws Exception {
    String url = db.freshUrl(dir);
    Retort retort = Retort.builder(registry).url(url).build();
    GraphOracle oracle = new GraphOracle(c.revisions());
    Set<String> applied = new HashSet<>();
    boolean diverged = false;
    for (ConformanceCase.Scenario s : c.scenarios()) {
      String where =
          c.name() + " " + s.id() + " (" + s.kind() + ": " + s.command() + " " + s.target() + ")";
      if (!s.start().equals("previous")) {
        reset(url);
        applied = new HashSet<>();
        diverged = false;
        if (s.start().equals("heads")) {
          retort.upgrade("heads");
          applied = oracle.ancestors(oracle.heads());
        }
      }
      boolean trustAlembic = !s.hasAnomalies() && !diverged;
      if (trustAlembic) {
        assertEquals(
            new TreeSet<>(s.startApplied()), new TreeSet<>(applied), where + ": start state");
      }
      TestDatabase.execute(url, "DELETE FROM log");
      List<String> rowsBefore = retort.current();

      RetortException thrown = null;
      try {
        if (s.command().equals("upgrade")) retort.upgrade(s.target());
        else retort.downgrade(s.target());
      } catch (RetortException e) {
        thrown = e;
      }

      ErrorCode expectedError = s.error() == null ? null : ERRORS.get(s.error().category());
      if (expectedError != null) {
        assertNotNull(thrown, where + ": Alembic failed with " + s.error().message());
        assertEquals(expectedError, thrown.code(), where + ": " + thrown.getMessage());
        assertEquals(rowsBefore, retort.current(), where + ": a refused command changes nothing");
        assertEquals(List.of(), calls(url), where + ": a refused command runs nothing");
        continue;
      }
      if (thrown != null) fail(where + ": unexpected error", thrown);

      Set<String> expectedApplied;
      List<String> expectedRows;
      if (trustAlembic) {
        expectedApplied = new HashSet<>(s.applied());
        expectedRows = s.versionTable();
      } else {
        expectedApplied = expectedBySaneRules(oracle, applied, s);
        expectedRows = oracle.maximal(expectedApplied);
      }
      List<List<String>> calls = calls(url);
      assertCallsValid(oracle, applied, expectedApplied, calls, where);
      assertEquals(expectedRows, retort.current(), where + ": version table");
      assertEquals(
          expectedApplied, oracle.ancestors(new HashSet<>(retort.current())), where + ": applied");
      if (trustAlembic) {
        assertEquals(
            new TreeSet<>(s.calls().stream().map(Object::toString).toList()),
            new TreeSet<>(calls.stream().map(Object::toString).toList()),
            where + ": calls");
      }
      applied = expectedApplied;
      diverged |= s.hasAnomalies();
    }
  }

  /** What the scenario must leave by Retort's rules, where Alembic's record is a defect. */
  private static Set<String> expectedBySaneRules(
      GraphOracle oracle, Set<String> applied, ConformanceCase.Scenario s) {
    Set<String> result = new HashSet<>(applied);
    if (s.command().equals("upgrade")) {
      result.addAll(oracle.ancestors(oracle.upgradeTargets(s.target())));
    } else if (s.target().equals("base")) {
      result.clear();
    } else {
      result.removeAll(oracle.revertedByDowngradeTo(s.target()));
    }
    return result;
  }

  /** Each call once, only the difference between the states, parents before children. */
  private static void assertCallsValid(
      GraphOracle oracle,
      Set<String> before,
      Set<String> after,
      List<List<String>> calls,
      String where) {
    Set<String> expected = new HashSet<>(after);
    expected.removeAll(before);
    Set<String> removed = new HashSet<>(before);
    removed.removeAll(after);
    expected.addAll(removed);
    List<String> ids = calls.stream().map(call -> call.get(1)).toList();
    assertEquals(expected, new HashSet<>(ids), where + ": the revisions that ran");
    assertEquals(ids.size(), new HashSet<>(ids).size(), where + ": a revision ran twice: " + ids);
    for (int i = 0; i < ids.size(); i++) {
      boolean up = calls.get(i).get(0).equals("up");
      assertTrue(
          up ? !removed.contains(ids.get(i)) : removed.contains(ids.get(i)),
          where + ": direction of " + ids.get(i));
      for (String parent : oracle.parents(ids.get(i))) {
        int p = ids.indexOf(parent);
        if (p >= 0) {
          assertTrue(
              up ? p < i : p > i,
              where + ": " + ids.get(i) + " ran in the wrong order against " + parent);
        }
      }
    }
  }

  private static void reset(String url) throws Exception {
    boolean postgres = url.startsWith("jdbc:postgresql:");
    TestDatabase.execute(
        url,
        "DROP TABLE IF EXISTS log",
        "DROP TABLE IF EXISTS retort_version",
        "DROP TABLE IF EXISTS retort_version_history",
        "CREATE TABLE log (seq "
            + (postgres ? "SERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT")
            + ", direction VARCHAR(8) NOT NULL, revision VARCHAR(255) NOT NULL)");
  }

  private static List<List<String>> calls(String url) throws Exception {
    List<List<String>> calls = new ArrayList<>();
    for (String row :
        TestDatabase.column(url, "SELECT direction || ' ' || revision FROM log ORDER BY seq")) {
      calls.add(List.of(row.split(" ", 2)));
    }
    return calls;
  }
}
