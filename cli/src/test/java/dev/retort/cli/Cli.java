package dev.retort.cli;

import dev.retort.MigrationRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in-process and captures what it prints. */
final class Cli {

  /** What one run returned and printed. */
  record Result(int exit, String out, String err) {

    /** Standard output's lines. */
    java.util.List<String> lines() {
      return out.lines().toList();
    }
  }

  private final MigrationRegistry registry;
  private final String defaultUrl;
  private final Map<String, String> env;

  private Cli(MigrationRegistry registry, String defaultUrl, Map<String, String> env) {
    this.registry = registry;
    this.defaultUrl = defaultUrl;
    this.env = env;
  }

  /** A command line whose default database is {@code defaultUrl} (null for none). */
  static Cli of(MigrationRegistry registry, String defaultUrl) {
    return new Cli(registry, defaultUrl, Map.of());
  }

  /** The same command line with {@code env} as its environment. */
  Cli env(Map<String, String> env) {
    return new Cli(registry, defaultUrl, env);
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = new RetortCli(registry, defaultUrl, o, e, env).run(args);
    }
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
