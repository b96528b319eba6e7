package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's lock file ({@code <database>-retort-lock}) is what keeps two processes from both running
 * a non-transactional revision's body. When it cannot be opened for writing (left behind by another
 * user, or in a folder this user may not write, with {@code journal_mode=MEMORY} so that SQLite
 * itself needs no file there), the command refuses to run, names the file and says what to do,
 * before anything runs.
 *
 * <p>The files are made read-only with {@code chmod}; as root, whom file modes do not stop, also
 * immutable with {@code chattr +i}, which stops root too. Where neither stops this process from
 * writing (no {@code chattr}, or a file system without the attribute), the test is skipped and says
 * so.
 */
class UnwritableLockFileTest {

  private static final List<RevisionSpec> GRAPH =
      List.of(
          table("a"),
          table("b", "a")
              .withUpgrade("ctx.execute(\"CREATE TABLE t_b (id INTEGER PRIMARY KEY)\");")
              .nonTransactional());

  @TempDir Path dir;

  private final List<Path> immutable = new ArrayList<>();

  @AfterEach
  void makeWritableAgain() throws Exception {
    for (Path path : immutable) chattr("-i", path);
  }

  @Test
  void aLockFileLeftBehindReadOnlyIsRefused() throws Exception {
    String url = TestDatabase.SQLITE.freshUrl(dir);
    Retort retort = Retort.builder(RegistryCompiler.compile(dir, GRAPH)).url(url).build();
    Path lockFile = lockFileOf(url);
    // As another user's process leaves it: the file exists, and this user may not write it.
    Files.createFile(lockFile);
    Files.setPosixFilePermissions(lockFile, PosixFilePermissions.fromString("r--r--r--"));
    makeUnwritable(lockFile);

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertRefused(e, lockFile);
    assertEquals(List.of(), TestDatabase.SQLITE.tables(url), "nothing ran, nothing was created");
  }

  @Test
  void aLockFileThatCannotBeCreatedInAReadOnlyFolderIsRefused() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("read-only"));
    String url = TestDatabase.SQLITE.freshUrl(folder) + "&journal_mode=MEMORY";
    TestDatabase.execute(url, "CREATE TABLE keep (id INTEGER)");
    Retort retort = Retort.builder(RegistryCompiler.compile(dir, GRAPH)).url(url).build();
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    makeUnwritable(folder);

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("heads"));

    assertRefused(e, lockFileOf(url));
    assertEquals(List.of("keep"), TestDatabase.SQLITE.tables(url), "nothing ran");
  }

  private static void assertRefused(RetortException e, Path lockFile) {
    assertEquals(ErrorCode.DATABASE_ERROR, e.code());
    // The kernel's words: a file mode denies permission, an immutable file denies the operation.
    assertTrue(
        e.getMessage()
            .matches(
                Pattern.quote("cannot open the lock file " + lockFile + " for writing (")
                    + "(permission denied|Operation not permitted)"
                    + Pattern.quote(
                        "), and Retort will not migrate without it: the lock keeps two processes"
                            + " from running the same revision at once. Make the file writable for"
                            + " this user (or, if it does not exist, let this user create files in"
                            + " its folder), or delete it while no Retort command runs: it is"
                            + " empty")),
        e.getMessage());
  }

  private static Path lockFileOf(String url) {
    String file = url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
    return Path.of(file + "-retort-lock").toAbsolutePath();
  }

  /** Makes {@code path} unwritable even for root, or skips the test when that is not possible. */
  private void makeUnwritable(Path path) throws Exception {
    if (!writable(path)) return;
    if (chattr("+i", path)) immutable.add(path);
    Assumptions.assumeFalse(
        writable(path),
        "this process can still write " + path + " (root, and chattr +i did not work here)");
  }

  private static boolean writable(Path path) {
    try {
      if (Files.isDirectory(path)) {
        Files.delete(Files.createFile(path.resolve("probe")));
      } else {
        FileChannel.open(path, StandardOpenOption.WRITE).close();
      }
      return true;
    } catch (IOException denied) {
      return false;
    }
  }

  private static boolean chattr(String flag, Path path) throws InterruptedException {
    try {
      Process chattr =
          new ProcessBuilder("chattr", flag, path.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return chattr.waitFor() == 0;
    } catch (IOException noChattr) {
      return false;
    }
  }
}
