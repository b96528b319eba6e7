package dev.retort.it.reliability;

import dev.retort.testkit.RevisionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Revision chains whose bodies leave evidence of every run in table {@code runs}. */
final class Chains {

  /** Created by the test before any process starts, so a second run of a body is counted. */
  static final String RUNS_TABLE =
      "CREATE TABLE runs (revision VARCHAR(32) NOT NULL, pid BIGINT NOT NULL)";

  /** Whether the long variants run ({@code mvn verify -Plong}). */
  static final boolean LONG = Boolean.getBoolean("retort.it.long");

  private Chains() {}

  static String id(String prefix, int index) {
    return String.format("%s%02d", prefix, index);
  }

  /** {@code n} revisions {@code r00 <- r01 <- ...}, each inserting one row into {@code runs}. */
  static List<RevisionSpec> counted(int n) {
    List<RevisionSpec> chain = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = id("r", i);
      chain.add(
          new RevisionSpec(
              id,
              i == 0 ? List.of() : List.of(id("r", i - 1)),
              List.of(),
              List.of(),
              recordRun(id),
              "ctx.execute(\"DELETE FROM runs WHERE revision = '" + id + "'\");",
              true));
    }
    return chain;
  }

  /**
   * {@code n} revisions {@code c00 <- c01 <- ...}, each with three effects (a row in {@code runs},
   * a new table {@code t_cNN}, a row in it) separated by short sleeps, so that a kill at a random
   * moment lands inside bodies as well as between them. Bodies print {@code in ID} and {@code out
   * ID} so the test can tell where a kill landed, and after the first effect a child JVM can be
   * told to stop there until it is killed ({@link Gate#holdIfAsked}).
   */
  static List<RevisionSpec> slow(int n, Random random) {
    List<RevisionSpec> chain = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = id("c", i);
      String body =
          "System.out.println(\"in "
              + id
              + "\"); "
              + recordRun(id)
              + " dev.retort.it.reliability.Gate.holdIfAsked(\""
              + id
              + "\"); Thread.sleep("
              + random.nextInt(4)
              + "); ctx.execute(\"CREATE TABLE t_"
              + id
              + " (id INTEGER PRIMARY KEY, v VARCHAR(8))\"); Thread.sleep("
              + random.nextInt(4)
              + "); ctx.execute(\"INSERT INTO t_"
              + id
              + " (id, v) VALUES (1, '"
              + id
              + "')\"); System.out.println(\"out "
              + id
              + "\");";
      chain.add(
          new RevisionSpec(
              id,
              i == 0 ? List.of() : List.of(id("c", i - 1)),
              List.of(),
              List.of(),
              body,
              "ctx.execute(\"DROP TABLE t_" + id + "\");",
              true));
    }
    return chain;
  }

  /** The statement that records one run of revision {@code id} by this process. */
  static String recordRun(String id) {
    return "ctx.execute(\"INSERT INTO runs (revision, pid) VALUES ('"
        + id
        + "', \" + ProcessHandle.current().pid() + \")\");";
  }
}
