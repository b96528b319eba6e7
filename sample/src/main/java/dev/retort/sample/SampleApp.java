package dev.retort.sample;

import com.zaxxer.hikari.HikariDataSource;
import dev.retort.cli.RetortCli;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;
import dev.retort.sample.db.SampleMigrations;
import java.io.PrintStream;
import java.util.Map;

/**
 * A job board's schema, managed by Retort.
 *
 * <p>Without arguments it does what an application does at start-up: upgrades the database to the
 * heads (retrying while the database is not reachable yet), then prints the current revisions. With
 * arguments it is Retort's command line: {@code java -jar retort-sample.jar history --graph}.
 */
public final class SampleApp {

  private static final String PROGRAM = "java -jar retort-sample.jar";

  private SampleApp() {}

  /** Starts the application, or runs one command. */
  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out, System.err, args));
  }

  /** What {@link #main} does, with the environment and streams given; returns the exit code. */
  static int run(Map<String, String> env, PrintStream out, PrintStream err, String... args) {
    RetortCli cli =
        new RetortCli(SampleMigrations.registry(), SampleDatabase.DEFAULT_URL, out, err, env)
            .withConnector(SampleDatabase.connector())
            .withProgramName(PROGRAM);
    if (args.length > 0) return cli.run(args);
    try {
      String url = SampleDatabase.url(env);
      // Retort checks the URL before the pool's driver sees it: a driver prints a URL it cannot
      // read in a warning, password and all.
      Retort.Builder retort = Retort.builder(SampleMigrations.registry()).url(url);
      try (HikariDataSource pool = SampleDatabase.pool(url)) {
        retort.dataSource(pool, url).build().upgradeOnStartup();
      }
    } catch (RetortException e) {
      // One line, like the command line's failures; the log above has the details.
      err.println("FAILED: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      // Such as the pool finding no driver for the URL: its message quotes the URL, which may
      // hold a password. Worded as the command line words it.
      err.println("FAILED: unexpected " + SafeText.mask(SafeText.oneLine(String.valueOf(e))));
      return 1;
    }
    return cli.run("current");
  }
}
