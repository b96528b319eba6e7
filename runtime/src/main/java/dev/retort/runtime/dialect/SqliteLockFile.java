package dev.retort.runtime.dialect;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operating-system lock on the empty file beside a SQLite database ({@code
 * <database>-retort-lock}) that a command holds from start to end: the kernel releases it when the
 * process dies, so a crash cannot leave it behind.
 *
 * <p>Without it, two processes can both run the body of a non-transactional revision, so a lock
 * file that cannot be opened for writing (left behind by another user, or in a folder this user may
 * not write) stops the command instead of being skipped.
 */
final class SqliteLockFile {

  private static final long POLL_MILLIS = 50;

  /** Lock files held by this JVM: the kernel's lock is per process, so threads need their own. */
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path file;
  private FileChannel channel;

  /** The lock file of {@code database}, an absolute path. */
  SqliteLockFile(Path database) {
    this.file = database.resolveSibling(database.getFileName() + "-retort-lock");
  }

  /**
   * Takes the lock, waiting at most {@code timeout} for another holder to let go.
   *
   * @return whether it was taken in time
   * @throws RetortException when the file cannot be opened for writing, which no wait can change
   */
  boolean lock(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (HELD_IN_THIS_JVM.add(file)) {
        FileLock taken = null;
        try {
          FileChannel opened = open();
          try {
            taken = opened.tryLock();
          } catch (OverlappingFileLockException sameFileOtherPath) {
            // This JVM holds it through another path to the same file: busy, like any holder.
          } finally {
            if (taken == null) opened.close();
          }
          if (taken != null) {
            channel = opened;
            return true;
          }
        } finally {
          if (taken == null) HELD_IN_THIS_JVM.remove(file);
        }
      }
      if (!Polling.again(deadline, POLL_MILLIS)) return false;
    }
  }

  /** Releases the lock taken by {@link #lock}; does nothing when none is held. */
  void unlock() throws IOException {
    if (channel == null) return;
    try {
      channel.close(); // releases the lock
    } finally {
      HELD_IN_THIS_JVM.remove(file);
      channel = null;
    }
  }

  /** The lock file's path, as messages name it. */
  Path file() {
    return file;
  }

  private FileChannel open() {
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new RetortException(
          ErrorCode.DATABASE_ERROR,
          "cannot open the lock file "
              + file
              + " for writing ("
              + reason(e)
              + "), and Retort will not migrate without it: the lock keeps two processes from"
              + " running the same revision at once. Make the file writable for this user (or, if"
              + " it does not exist, let this user create files in its folder), or delete it"
              + " while no Retort command runs: it is empty",
          e);
    }
  }

  /** What the file system said, without repeating the path the message already names. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
    return e.toString();
  }
}
