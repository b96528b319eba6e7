package dev.retort.processor.conformance;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.testing.compile.Compilation;
import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.graph.GraphNode;
import dev.retort.graph.RevisionGraph;
import dev.retort.processor.Fixtures;
import dev.retort.processor.GeneratedClasses;
import dev.retort.testkit.ConformanceCase;
import dev.retort.testkit.GraphOracle;
import dev.retort.testkit.ConformanceSet;
import dev.retort.testkit.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case recorded from Alembic (the test kit's {@link ConformanceSet}s) through the real
 * processor: an invalid graph fails with the matching diagnostic on the revision at fault; a valid
 * one compiles, and the loaded registry has Alembic's heads and bases (and real heads and bases,
 * which count dependsOn) as the shared graph core computes them. Several heads fail under the
 * default {@code -Aretort.multipleHeads=error} unless each has a branch label of its own.
 */
class ConformanceTest {

  private static final int ALEMBIC_CASES = 150;
  private static final int REAL_WORLD_GRAPHS = 4;

  /** Where only the processor's verdict matters, javac need not compile method bodies. */
  private static final List<String> PROCESSING_ONLY = List.of("-proc:only");

  @TestFactory
  Stream<DynamicTest> alembicRandomCases() {
    return cases(ConformanceSet.ALEMBIC_1_8_1, ALEMBIC_CASES);
  }

  @TestFactory
  Stream<DynamicTest> realWorldGraphs() {
    return cases(ConformanceSet.REAL_WORLD, REAL_WORLD_GRAPHS);
  }

  private static Stream<DynamicTest> cases(ConformanceSet set, int expected) {
    List<String> files = set.fileNames();
    assertWithMessage("case files in %s", set.folder()).that(files).hasSize(expected);
    return files.stream().map(f -> dynamicTest(f, set.uri(f), () -> check(set.read(f))));
  }

  private static void check(ConformanceCase c) {
    if (c.invalidKind() == null) {
      checkValid(c);
    } else {
      checkInvalid(c);
    }
  }

  private static void checkInvalid(ConformanceCase c) {
    List<JavaFileObject> sources = CaseSources.of(c);
    Compilation compilation = Fixtures.javac().withOptions(PROCESSING_ONLY).compile(sources);

    assertThat(compilation).failed();
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      String message = error.getMessage(null);
      assertWithMessage("every error is a graph diagnostic").that(message).startsWith("[Retort/");
      assertThat(message).doesNotContain("[Retort/Internal]");
    }
    String mutated = c.mutatedRevision();
    switch (c.invalidKind()) {
      case "missing_revises", "missing_depends_on" -> {
        String missing = (String) c.mutation().get("missing");
        assertThat(compilation)
            .hadErrorContaining(
                "[Retort/MissingRevision] revision '"
                    + mutated
                    + "' "
                    + (c.invalidKind().equals("missing_revises") ? "revises" : "depends on")
                    + " '"
                    + missing
                    + "'")
            .inFile(sources.get(onlyIndexOf(c, mutated)))
            .onLineContaining("@Revision");
      }
      case "self_revises", "self_depends_on" ->
          assertThat(compilation)
              .hadErrorContaining(
                  "[Retort/Cycle] revisions form a cycle: " + mutated + " -> " + mutated + " ")
              .inFile(sources.get(onlyIndexOf(c, mutated)))
              .onLineContaining("@Revision");
      case "cycle_revises", "cycle_depends_on" -> {
        // The mutation closed the cycle, so the printed cycle passes through the revision.
        assertThat(compilation).hadErrorContaining("[Retort/Cycle] revisions form a cycle: ");
        assertThat(cyclePaths(compilation)).contains(mutated);
      }
      case "duplicate_id" -> {
        List<Integer> declaring = indexesOf(c, mutated);
        assertThat(declaring).hasSize(2);
        assertThat(compilation)
            .hadErrorContaining("[Retort/DuplicateId] revision id '" + mutated + "' is declared 2")
            .inFile(sources.get(declaring.get(1)))
            .onLineContaining("@Revision");
      }
      default -> throw new AssertionError("unknown invalidKind " + c.invalidKind());
    }
  }

  private static void checkValid(ConformanceCase c) {
    List<JavaFileObject> sources = CaseSources.of(c);
    boolean headsAtFault = !new GraphOracle(c.revisions()).unlabeledHeads().isEmpty();

    Compilation lenient =
        Fixtures.javac().withOptions(List.of("-Aretort.multipleHeads=warn")).compile(sources);
    assertThat(lenient).succeeded();
    if (headsAtFault) {
      assertThat(lenient).hadWarningCount(1);
      assertThat(lenient)
          .hadWarningContaining(
              "[Retort/MultipleHeads] the revision graph has " + c.heads().size() + " heads: ");
    } else {
      assertThat(lenient).hadWarningCount(0);
    }
    checkRegistry(c, new GeneratedClasses(lenient).registry(CaseSources.REGISTRY));

    if (c.heads().size() > 1) {
      // The registry is the lenient one's, already compiled and loaded: only the verdict is new.
      Compilation strict = Fixtures.javac().withOptions(PROCESSING_ONLY).compile(sources);
      if (headsAtFault) {
        assertThat(strict).hadErrorCount(1);
        assertThat(strict)
            .hadErrorContaining(
                "[Retort/MultipleHeads] the revision graph has " + c.heads().size() + " heads: ");
      } else {
        assertThat(strict).succeededWithoutWarnings();
      }
    }
  }

  private static void checkRegistry(ConformanceCase c, MigrationRegistry registry) {
    List<RevisionInfo> infos = registry.revisions();
    Map<String, Node> declared = new HashMap<>();
    c.revisions().forEach(r -> declared.put(r.id(), r));
    assertThat(infos).hasSize(c.revisions().size());

    Set<String> before = new HashSet<>();
    List<GraphNode> nodes = new ArrayList<>();
    for (RevisionInfo info : infos) {
      Node rev = declared.get(info.id());
      assertWithMessage("registry revision %s is declared", info.id()).that(rev).isNotNull();
      assertThat(info.revises()).isEqualTo(rev.revises());
      assertThat(info.dependsOn()).isEqualTo(rev.dependsOn());
      assertThat(info.branchLabels()).isEqualTo(rev.branchLabels());
      assertThat(info.checksum()).matches("v2:[0-9a-f]{61}");
      // Topological: everything a revision revises or depends on comes before it.
      assertWithMessage("%s comes after what it revises", info.id())
          .that(before)
          .containsAtLeastElementsIn(info.revises());
      assertWithMessage("%s comes after what it depends on", info.id())
          .that(before)
          .containsAtLeastElementsIn(info.dependsOn());
      before.add(info.id());
      nodes.add(new GraphNode(info.id(), info.revises(), info.dependsOn(), info.branchLabels()));
    }

    RevisionGraph graph = RevisionGraph.of(nodes);
    assertThat(graph.heads()).containsExactlyElementsIn(c.heads());
    assertThat(graph.bases()).containsExactlyElementsIn(c.bases());
    assertThat(graph.realHeads()).containsExactlyElementsIn(c.realHeads());
    assertThat(graph.realBases()).containsExactlyElementsIn(c.realBases());
  }

  /** The ids on every printed cycle path. */
  private static List<String> cyclePaths(Compilation compilation) {
    List<String> ids = new ArrayList<>();
    String marker = "revisions form a cycle: ";
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      String message = error.getMessage(null);
      int at = message.indexOf(marker);
      if (at < 0) continue;
      String path = message.substring(at + marker.length(), message.indexOf(" (", at));
      ids.addAll(List.of(path.split(" -> ")));
    }
    return ids;
  }

  private static int onlyIndexOf(ConformanceCase c, String id) {
    List<Integer> indexes = indexesOf(c, id);
    assertThat(indexes).hasSize(1);
    return indexes.get(0);
  }

  private static List<Integer> indexesOf(ConformanceCase c, String id) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < c.revisions().size(); i++) {
      if (c.revisions().get(i).id().equals(id)) indexes.add(i);
    }
    return indexes;
  }
}
