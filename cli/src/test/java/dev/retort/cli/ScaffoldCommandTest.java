package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** revision and merge write migration classes; the sample's tests compile them. */
class ScaffoldCommandTest {

  private static final Path PACKAGE_DIR = Path.of("dev", "retort", "test", "db");

  @TempDir Path dir;

  @Test
  void revisionOnTheOnlyHead() throws Exception {
    Cli.Result result =
        Cli.of(Graphs.line(), null)
            .run(
                "revision",
                "-m",
                "add salary range",
                "--dir",
                dir.toString(),
                "--id",
                "3f9c1e2a7b10");
    assertEquals(0, result.exit(), result.err());
    Path file = dir.resolve(PACKAGE_DIR).resolve("AddSalaryRange.java");
    assertEquals("Generating " + file + " ... done\n", result.out());
    assertEquals(
        """
        package dev.retort.test.db;

        import dev.retort.Migration;
        import dev.retort.MigrationContext;
        import dev.retort.Revision;

        /** Add salary range. */
        @Revision(
            id = "3f9c1e2a7b10",
            revises = "c3",
            description = "add salary range")
        public final class AddSalaryRange implements Migration {

          @Override
          public void upgrade(MigrationContext ctx) throws Exception {
            // TODO Apply the change, e.g. ctx.execute("ALTER TABLE ... ADD COLUMN ...");
          }

          @Override
          public void downgrade(MigrationContext ctx) throws Exception {
            // TODO Undo upgrade(), e.g. ctx.execute("ALTER TABLE ... DROP COLUMN ...");
            // If it cannot be undone, delete this method and annotate the class with
            // @Irreversible("the reason").
          }
        }
        """,
        Files.readString(file));
  }

  @Test
  void revisionWithSeveralHeadsNeedsTheHeadAndNeverMergesThem() {
    Cli.Result result =
        Cli.of(Graphs.jobBoard(), null)
            .run("revision", "-m", "add lists color", "--dir", dir.toString());
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: there are 2 heads: e5 (app@head), g7 (audit@head); a new revision builds on one"
            + " of them: name it with --head REV (such as --head e5 or --head app@head), or join"
            + " them with 'merge -m MSG --dir DIR'\n",
        result.err());
    assertFalse(Files.exists(dir.resolve(PACKAGE_DIR)));
  }

  @Test
  void severalUnlabelledHeadsAreNamedByIdAlone() {
    TestRegistry twoHeads =
        TestRegistry.create().rev("a1", "first").rev("b2", "left", "a1").rev("c3", "right", "a1");
    Cli.Result result = Cli.of(twoHeads, null).run("revision", "-m", "x", "--dir", dir.toString());
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: there are 2 heads: b2, c3; a new revision builds on one of them: name it with"
            + " --head REV (such as --head b2), or join them with 'merge -m MSG --dir DIR'\n",
        result.err());
  }

  @Test
  void revisionOnOneHeadOfSeveral() throws Exception {
    Cli.Result result =
        Cli.of(Graphs.jobBoard(), null)
            .run("revision", "-m", "add logo", "--head", "app@head", "--dir", dir.toString());
    assertEquals(0, result.exit(), result.err());
    String java = Files.readString(dir.resolve(PACKAGE_DIR).resolve("AddLogo.java"));
    assertTrue(java.contains("    revises = \"e5\",\n"), java);
  }

  @Test
  void revisionOnARevisionThatIsNotAHead() {
    Cli.Result result =
        Cli.of(Graphs.jobBoard(), null)
            .run("revision", "-m", "x", "--head", "b2", "--dir", dir.toString());
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: 'b2' is not a head, so a revision on it would start an unlabeled branch; build on"
            + " one of the heads: e5, g7\n",
        result.err());
  }

  @Test
  void randomIdIsTwelveHexDigits() throws Exception {
    Cli cli = Cli.of(Graphs.line(), null);
    assertEquals(0, cli.run("revision", "-m", "one", "--dir", dir.toString()).exit());
    assertEquals(0, cli.run("revision", "-m", "two", "--dir", dir.toString()).exit());
    String one = id(Files.readString(dir.resolve(PACKAGE_DIR).resolve("One.java")));
    String two = id(Files.readString(dir.resolve(PACKAGE_DIR).resolve("Two.java")));
    assertTrue(one.matches("[0-9a-f]{12}"), one);
    assertTrue(two.matches("[0-9a-f]{12}"), two);
    assertFalse(one.equals(two));
  }

  @Test
  void dirMayAlreadyBeThePackagesFolder() throws Exception {
    Path packageDir = dir.resolve(PACKAGE_DIR);
    Cli.Result result =
        Cli.of(Graphs.line(), null)
            .run("revision", "-m", "x", "--dir", packageDir.toString(), "--id", "f00d");
    assertEquals(0, result.exit(), result.err());
    assertTrue(Files.exists(packageDir.resolve("X.java")));
  }

  @Test
  void packageOption() throws Exception {
    Cli.Result result =
        Cli.of(Graphs.line(), null)
            .run("revision", "-m", "x", "--dir", dir.toString(), "--package", "com.example.db");
    assertEquals(0, result.exit(), result.err());
    String java = Files.readString(dir.resolve("com/example/db/X.java"));
    assertTrue(java.startsWith("package com.example.db;\n"), java);
  }

  @Test
  void packageMustBeAJavaName() {
    Cli.Result result =
        Cli.of(Graphs.line(), null)
            .run("revision", "-m", "x", "--dir", dir.toString(), "--package", "com.1bad");
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: 'com.1bad' is not a Java package name; pass --package such as com.example.db\n",
        result.err());
  }

  @Test
  void existingFileIsNeverOverwritten() throws Exception {
    Cli cli = Cli.of(Graphs.line(), null);
    assertEquals(0, cli.run("revision", "-m", "x", "--dir", dir.toString(), "--id", "f1").exit());
    Path file = dir.resolve(PACKAGE_DIR).resolve("X.java");
    String first = Files.readString(file);
    Cli.Result again = cli.run("revision", "-m", "x", "--dir", dir.toString(), "--id", "f2");
    assertEquals(1, again.exit());
    assertEquals(
        "FAILED: " + file + " already exists; choose another message (-m), which names the class\n",
        again.err());
    assertEquals(first, Files.readString(file));
  }

  @Test
  void idAlreadyTaken() {
    Cli.Result result =
        Cli.of(Graphs.line(), null)
            .run("revision", "-m", "x", "--dir", dir.toString(), "--id", "b2");
    assertEquals(1, result.exit());
    assertTrue(
        result.err().startsWith("FAILED: the new revision would not fit the graph: "),
        result.err());
    assertTrue(result.err().contains("b2"), result.err());
    assertFalse(Files.exists(dir.resolve(PACKAGE_DIR)));
  }

  @Test
  void idThatIsReserved() {
    Cli.Result result =
        Cli.of(Graphs.line(), null)
            .run("revision", "-m", "x", "--dir", dir.toString(), "--id", "heads");
    assertEquals(1, result.exit());
    assertTrue(result.err().contains("reserved"), result.err());
  }

  @Test
  void classNameAlreadyARevision() {
    TestRegistry registry = TestRegistry.create().inClass("a1", "com.example.db.AddUsers");
    Cli.Result result =
        Cli.of(registry, null).run("revision", "-m", "add users", "--dir", dir.toString());
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: revision a1 is already class com.example.db.AddUsers; choose another message"
            + " (-m), which names the class\n",
        result.err());
  }

  @Test
  void mergeAllHeads() throws Exception {
    Cli.Result result =
        Cli.of(Graphs.jobBoard(), null)
            .run(
                "merge",
                "-m",
                "merge app and audit",
                "--dir",
                dir.toString(),
                "--id",
                "9d8c7b6a5f4e");
    assertEquals(0, result.exit(), result.err());
    assertEquals(
        """
        package dev.retort.test.db;

        import dev.retort.Migration;
        import dev.retort.MigrationContext;
        import dev.retort.Revision;

        /** Merge app and audit. */
        @Revision(
            id = "9d8c7b6a5f4e",
            revises = {"e5", "g7"},
            description = "merge app and audit")
        public final class MergeAppAndAudit implements Migration {

          @Override
          public void upgrade(MigrationContext ctx) throws Exception {
            // TODO A merge needs no statements; add some only to reconcile the branches.
          }

          @Override
          public void downgrade(MigrationContext ctx) throws Exception {
            // TODO Undo whatever upgrade() does, if anything.
          }
        }
        """,
        Files.readString(dir.resolve(PACKAGE_DIR).resolve("MergeAppAndAudit.java")));
  }

  @Test
  void mergeNamedRevisions() throws Exception {
    Cli.Result result =
        Cli.of(Graphs.jobBoard(), null)
            .run("merge", "-m", "m", "--dir", dir.toString(), "audit@head", "e5");
    assertEquals(0, result.exit(), result.err());
    String java = Files.readString(dir.resolve(PACKAGE_DIR).resolve("M.java"));
    assertTrue(java.contains("    revises = {\"g7\", \"e5\"},\n"), java);
  }

  @Test
  void mergeNeedsTwoHeads() {
    Cli.Result result =
        Cli.of(Graphs.line(), null).run("merge", "-m", "m", "--dir", dir.toString());
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: there is only one head (c3), so there is nothing to merge; use 'revision' for a"
            + " new revision on it\n",
        result.err());
  }

  @Test
  void mergeOfOneRevisionNamedTwice() {
    Cli.Result result =
        Cli.of(Graphs.jobBoard(), null)
            .run("merge", "-m", "m", "--dir", dir.toString(), "e5", "app@head");
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: a merge joins two or more revisions, but e5 app@head names only e5; name another,"
            + " or leave REV out to merge all heads\n",
        result.err());
  }

  @Test
  void packageIsWhatTheRevisionsShare() throws Exception {
    TestRegistry registry =
        TestRegistry.create()
            .inClass("a1", "com.example.db.users.CreateUsers")
            .inClass("b2", "com.example.db.jobs.CreateJobs", "a1");
    Cli.Result result = Cli.of(registry, null).run("revision", "-m", "x", "--dir", dir.toString());
    assertEquals(0, result.exit(), result.err());
    assertTrue(Files.exists(dir.resolve("com/example/db/X.java")));
  }

  @Test
  void revisionsWithoutACommonPackageNeedOne() {
    TestRegistry registry =
        TestRegistry.create().inClass("a1", "com.a.First").inClass("b2", "org.b.Second", "a1");
    Cli.Result result = Cli.of(registry, null).run("revision", "-m", "x", "--dir", dir.toString());
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: the revisions share no package to put the new class in; pass --package PKG\n",
        result.err());
  }

  @Test
  void classNamesComeFromTheMessage() {
    assertEquals("AddUsersTable", MigrationSource.className("add users table"));
    assertEquals("AddUsersEmailIndex", MigrationSource.className("add users.email index!"));
    assertEquals("Revision2ndTry", MigrationSource.className("2nd try"));
    assertEquals("Revision", MigrationSource.className("--"));
    assertEquals("ÄndereTabelle", MigrationSource.className("ändere tabelle"));
  }

  @Test
  void descriptionIsEscapedInTheSource() {
    String java = MigrationSource.of("p", "C", "a1", List.of("z"), "say \"hi\" \\ */");
    assertTrue(java.contains("description = \"say \\\"hi\\\" \\\\ */\")"), java);
    assertTrue(java.contains("/** Say \"hi\" \\ *&#47;. */"), java);
  }

  private static String id(String java) {
    Matcher m = Pattern.compile("id = \"([^\"]+)\"").matcher(java);
    assertTrue(m.find(), java);
    return m.group(1);
  }
}
