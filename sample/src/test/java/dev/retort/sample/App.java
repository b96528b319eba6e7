package dev.retort.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@link SampleApp} in-process against one database and captures what it prints. */
final class App {

  /** What one run returned and printed. */
  record Result(int exit, String out, String err) {}

  private final Map<String, String> env;

  /** The sample with {@code DATABASE_URL} set to {@code url}. */
  App(String url) {
    this.env = Map.of("DATABASE_URL", url);
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = SampleApp.run(env, o, e, args);
    }
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
