package dev.retort.testkit;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * PostgreSQL's binaries for a root JVM on a machine without user namespaces: bin/initdb and
 * bin/pg_ctl (the only programs zonky launches; pg_ctl starts postgres) become shell wrappers that
 * give the data directory to {@code nobody} and drop to it with setpriv. One instance, because
 * zonky caches the extracted directory per resolver.
 */
final class RootlessBinaries implements PgBinaryResolver {

  static final RootlessBinaries INSTANCE = new RootlessBinaries();

  private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");

  /** As root: chown the -D directory to nobody (65534) and run the real binary as nobody. */
  private static final String WRAPPER =
      """
      #!/bin/sh
      real="$0.real"
      if [ "$(id -u)" != 0 ]; then exec "$real" "$@"; fi
      prev=
      for arg in "$@"; do
        if [ "$prev" = -D ]; then chown 65534:65534 "$arg" || exit 1; fi
        prev=$arg
      done
      cd /   # the caller's working directory may be unreadable for nobody
      exec setpriv --reuid=65534 --regid=65534 --clear-groups "$real" "$@"
      """;

  private RootlessBinaries() {}

  /** Whether this JVM is root and zonky cannot leave root through a user namespace. */
  static boolean needed() {
    return new UnixSystem().getUid() == 0 && !LinuxUtils.isUnshareAvailable();
  }

  /** zonky's working directory, as zonky computes it; {@code nobody} can reach it under /tmp. */
  static Path workingDirectory() {
    Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    return Path.of(System.getProperty("ot.epg.working-dir", fallback.toString()));
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    byte[] original;
    try (InputStream in =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
      original = in.readAllBytes();
    }
    // Repacking costs seconds of xz work, so the result is kept beside zonky's binaries.
    Path dir = Files.createDirectories(workingDirectory());
    Path cached = dir.resolve("rootless-" + DigestUtils.md5Hex(original) + ".txz");
    if (Files.notExists(cached)) {
      Path partial = Files.createTempFile(dir, "rootless-", ".part");
      try {
        try (OutputStream out = Files.newOutputStream(partial)) {
          repack(new ByteArrayInputStream(original), out);
        }
        Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    return Files.newInputStream(cached);
  }

  private static void repack(InputStream originalTxz, OutputStream txz) throws IOException {
    byte[] wrapper = WRAPPER.getBytes(StandardCharsets.UTF_8);
    // zonky reads only .txz; an uncompressed LZMA2 stream avoids seconds of compression.
    LZMA2Options uncompressed = new LZMA2Options();
    uncompressed.setMode(LZMA2Options.MODE_UNCOMPRESSED);
    int wrapped = 0;
    try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(originalTxz));
        TarArchiveOutputStream out =
            new TarArchiveOutputStream(new XZOutputStream(txz, uncompressed))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (WRAPPED.contains(name)) {
          TarArchiveEntry script = new TarArchiveEntry(name);
          script.setMode(0755);
          // The original's time keeps the archive's bytes, and so zonky's cache key, stable.
          script.setModTime(entry.getLastModifiedTime());
          script.setSize(wrapper.length);
          out.putArchiveEntry(script);
          out.write(wrapper);
          out.closeArchiveEntry();
          entry.setName(name + ".real"); // beside bin/postgres, which pg_ctl looks for
          wrapped++;
        }
        out.putArchiveEntry(entry);
        in.transferTo(out);
        out.closeArchiveEntry();
      }
    }
    if (wrapped != WRAPPED.size()) {
      throw new IllegalStateException(
          "unexpected PostgreSQL binaries archive, expected " + WRAPPED);
    }
  }
}
