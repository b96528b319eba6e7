package dev.retort.it.reliability;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * The application a child JVM runs: loads a generated registry from its class path, waits for the
 * start barrier (a file the parent creates once every child is ready), then calls {@link
 * Retort#upgradeOnStartup()} as an application's start-up would.
 *
 * <p>Arguments: JDBC URL, registry class, barrier file or {@code -}. Prints {@code ready}, {@code
 * start}, then {@code done N} and exits 0, or {@code failed CODE: message} and exits 2. Migration
 * bodies may print their own progress lines in between.
 */
public final class MigratorMain {

  private MigratorMain() {}

  /** Runs the start-up upgrade once; the exit code says how it ended. */
  public static void main(String[] args) throws Throwable {
    String url = args[0];
    Path barrier = args[2].equals("-") ? null : Path.of(args[2]);
    // Test code only: the registry was compiled by the parent, so it is found by name.
    MigrationRegistry registry =
        (MigrationRegistry)
            MethodHandles.publicLookup()
                .findStatic(
                    Class.forName(args[1]),
                    "registry",
                    MethodType.methodType(MigrationRegistry.class))
                .invoke();
    Retort retort = Retort.builder(registry).url(url).build();
    DriverManager.getDriver(url); // load the driver before the race, not during it
    System.out.println("ready");
    if (barrier != null) {
      while (!Files.exists(barrier)) Thread.sleep(2);
    }
    System.out.println("start");
    try {
      MigrationResult result = retort.upgradeOnStartup();
      System.out.println("done " + result.revisions().size());
      System.exit(0);
    } catch (RetortException e) {
      System.out.println("failed " + e.code() + ": " + e.getMessage());
      System.exit(2);
    }
  }
}
