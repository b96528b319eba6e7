package dev.retort.bench.probe;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every measured process shares: the connection pool it starts before migrating, as an
 * application does, and the last line it prints: the time spent inside the tool's migrate call and
 * the peak resident set size. The harness measures the whole-process time itself.
 */
public final class Probe {

  /** The line's prefix, which the harness looks for in the process's output. */
  public static final String MARKER = "bench-probe";

  private Probe() {}

  /** A started pool on {@code url}: its first connection is open, so the driver is loaded. */
  public static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  /** A tool's migrate call. */
  public interface Call {
    void run() throws Exception;
  }

  /**
   * Times {@code call} and prints the report line. With {@code -Dbench.again=true} the call runs a
   * second time in the now warm JVM, and that time is reported too.
   */
  public static void measure(Call call) throws Exception {
    long start = System.nanoTime();
    call.run();
    long inCall = System.nanoTime() - start;
    long again = -1;
    if (Boolean.getBoolean("bench.again")) {
      start = System.nanoTime();
      call.run();
      again = System.nanoTime() - start;
    }
    System.out.println(
        MARKER + " in_call_ns=" + inCall + " again_ns=" + again + " peak_rss_kb=" + peakRssKb());
  }

  /** The process's high-water mark of resident memory (Linux {@code VmHWM}), in KiB. */
  private static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      throw new IllegalStateException("no VmHWM line in /proc/self/status");
    } catch (IOException e) {
      throw new UncheckedIOException("peak RSS needs Linux's /proc/self/status", e);
    }
  }
}
