package dev.retort.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The committed schema file: written on request, compared otherwise. */
class AssertSchemaTest {

  @TempDir Path dir;

  /** Before too: a build run with the switch on must not decide what this test sees. */
  @BeforeEach
  @AfterEach
  void clearSwitch() {
    System.clearProperty(MigrationTests.WRITE_SCHEMA);
  }

  private MigrationRegistry registry(String pkg, RevisionSpec... revisions) {
    return RegistryCompiler.compile(dir.resolve(pkg), "it." + pkg, List.of(revisions));
  }

  @Test
  void theSwitchWritesTheFileThatLaterRunsCompareWith() throws Exception {
    Path file = dir.resolve("src/test/resources/schema.txt");
    MigrationRegistry one = registry("one", RevisionSpec.table("a1"));

    AssertionFailedError missing =
        assertThrows(
            AssertionFailedError.class,
            () -> MigrationTests.assertSchema(one, TestDatabase.SQLITE.freshUrl(dir), file));
    assertEquals(
        "no schema file "
            + file
            + "; run the test with -Dretort.writeSchema=true to write it,"
            + " and commit it",
        missing.getMessage());

    System.setProperty(MigrationTests.WRITE_SCHEMA, "true");
    MigrationTests.assertSchema(one, TestDatabase.SQLITE.freshUrl(dir), file);
    assertEquals(
        "# The schema the revisions build at heads. Written by MigrationTests.assertSchema with\n"
            + "# -Dretort.writeSchema=true; do not edit by hand.\n"
            + "table t_a1\n  column id: INTEGER\n  primary key: (id)\n",
        Files.readString(file));

    System.clearProperty(MigrationTests.WRITE_SCHEMA);
    MigrationTests.assertSchema(one, TestDatabase.SQLITE.freshUrl(dir), file);
    MigrationRegistry two =
        registry("two", RevisionSpec.table("a1"), RevisionSpec.table("b2", "a1"));
    AssertionFailedError changed =
        assertThrows(
            AssertionFailedError.class,
            () -> MigrationTests.assertSchema(two, TestDatabase.SQLITE.freshUrl(dir), file));
    assertTrue(
        changed.getMessage().endsWith("review its diff):\n  table t_b2: added"),
        changed.getMessage());
  }
}
