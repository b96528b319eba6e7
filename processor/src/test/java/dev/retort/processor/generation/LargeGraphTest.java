package dev.retort.processor.generation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.MigrationRegistry;
import dev.retort.RevisionInfo;
import dev.retort.processor.Fixtures;
import dev.retort.processor.GeneratedClasses;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A chain of 10,000 revisions compiles and its registry loads: no generated method nears the JVM's
 * 64 KB code limit and no generated class its 65,535-entry constant pool, which the JVM would
 * otherwise refuse when it loads the class.
 */
class LargeGraphTest {

  private static final int FILES = 100;
  private static final int PER_FILE = 100;
  private static final int REVISIONS = FILES * PER_FILE;

  /**
   * What compiling and loading may cost. Measured as the test thread's CPU time, on which javac
   * runs: wall time on a shared 2-core machine says more about the neighbours than about us.
   */
  private static final Duration BUDGET = Duration.ofSeconds(60);

  @Test
  void tenThousandRevisionsCompileAndLoadInOrder() {
    long start = cpuNanos();
    Compilation compilation = Fixtures.javac().compile(chain());
    assertThat(compilation).succeededWithoutWarnings();

    GeneratedClasses classes = new GeneratedClasses(compilation);
    MigrationRegistry registry = classes.registry("big.RetortMigrations");
    List<RevisionInfo> revisions = registry.revisions();

    assertThat(revisions).hasSize(REVISIONS);
    for (int i = 0; i < REVISIONS; i++) {
      RevisionInfo info = revisions.get(i);
      assertThat(info.id()).isEqualTo(id(i));
      assertThat(info.revises()).isEqualTo(i == 0 ? List.of() : List.of(id(i - 1)));
    }
    // The last revision is dispatched through the last part of the generated factory.
    RevisionInfo last = revisions.get(REVISIONS - 1);
    assertThat(last.newMigration().getClass().getName()).isEqualTo(last.className());
    assertThat(last.className()).isEqualTo("big.File099$R09999");

    Duration spent = Duration.ofNanos(cpuNanos() - start);
    assertThat(spent).isLessThan(BUDGET);
  }

  private static List<JavaFileObject> chain() {
    List<JavaFileObject> files = new ArrayList<>(FILES);
    for (int f = 0; f < FILES; f++) {
      String name = String.format("File%03d", f);
      StringBuilder text =
          new StringBuilder("package big;\n\nimport dev.retort.*;\n\npublic final class ")
              .append(name)
              .append(" {\n");
      for (int r = f * PER_FILE; r < (f + 1) * PER_FILE; r++) {
        String revises = r == 0 ? "" : "\"" + id(r - 1) + "\"";
        text.append("  @Revision(id = \"")
            .append(id(r))
            .append("\", revises = {")
            .append(revises)
            .append("}, description = \"step ")
            .append(r)
            .append("\")\n  public static final class R")
            .append(String.format("%05d", r))
            .append(" implements Migration {\n")
            .append("    public void upgrade(MigrationContext ctx) {}\n\n")
            .append("    public void downgrade(MigrationContext ctx) {}\n  }\n\n");
      }
      files.add(Fixtures.source("big." + name, text.append("}\n").toString()));
    }
    return files;
  }

  private static long cpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported()
        ? threads.getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  private static String id(int i) {
    return String.format("r%05d", i);
  }
}
