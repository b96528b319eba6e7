package dev.retort.cli;

import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Fleet;
import dev.retort.runtime.FleetResult;
import dev.retort.runtime.FleetTarget;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A verb run on a fleet of targets ({@code --schemas}, {@code --schemas-like}, {@code --urls}): one
 * line a target, then the summary; exit 1 when a target failed, was skipped, or (for {@code check})
 * is not up to date.
 */
final class FleetCommand {

  private FleetCommand() {}

  /** Whether the command line names a fleet. */
  static boolean applies(Arguments args) {
    return args.has(Option.SCHEMAS) || args.has(Option.SCHEMAS_LIKE) || args.has(Option.URLS);
  }

  static int run(Command command, Verb verb, Optional<String> url) {
    Arguments args = command.args();
    if (args.has(Option.SQL)) {
      throw new UsageException(
          verb, "--sql writes one script, a fleet runs on databases: leave out one or the other");
    }
    Fleet fleet =
        Fleet.of(command.retort(), targets(verb, args, url))
            .parallel(parallel(verb, args))
            .failFast(args.has(Option.FAIL_FAST))
            .canary(args.has(Option.CANARY));
    FleetResult<Object> result = fleet.run(action(verb, args));
    boolean allUpToDate = true;
    for (FleetResult.Target<Object> target : result.targets()) {
      command.out().println(target + target.value().map(FleetCommand::describe).orElse(""));
      allUpToDate &= target.value().map(v -> !(v instanceof Status s) || s.upToDate()).orElse(true);
    }
    command.out().println(result.summary());
    return result.succeeded() && allUpToDate ? 0 : 1;
  }

  private static List<FleetTarget> targets(Verb verb, Arguments args, Optional<String> url) {
    int named =
        (args.has(Option.SCHEMAS) ? 1 : 0)
            + (args.has(Option.SCHEMAS_LIKE) ? 1 : 0)
            + (args.has(Option.URLS) ? 1 : 0);
    if (named > 1) {
      throw new UsageException(verb, "give one of --schemas, --schemas-like and --urls");
    }
    if (args.has(Option.URLS)) {
      return urls(Path.of(args.value(Option.URLS).orElseThrow()));
    }
    String database =
        url.orElseThrow(
            () ->
                new RetortException(
                    ErrorCode.NO_DATABASE,
                    "a fleet of schemas needs their database: pass --url JDBC_URL or set"
                        + " DATABASE_URL"));
    if (args.has(Option.SCHEMAS_LIKE)) {
      return Fleet.schemasLike(database, args.value(Option.SCHEMAS_LIKE).orElseThrow());
    }
    List<FleetTarget> targets = new ArrayList<>();
    for (String schema : args.value(Option.SCHEMAS).orElseThrow().split(",")) {
      if (!schema.isBlank()) targets.add(FleetTarget.schema(database, schema.strip()));
    }
    return targets;
  }

  /** The JDBC URLs of {@code file}, one a line; blank lines and {@code #} comments left out. */
  private static List<FleetTarget> urls(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the URLs of --urls " + file, e);
    }
    List<FleetTarget> targets = new ArrayList<>();
    for (String line : lines) {
      String url = line.strip();
      if (!url.isEmpty() && !url.startsWith("#")) {
        targets.add(FleetTarget.url(DatabaseUrl.supported(DatabaseUrl.toJdbc(url))));
      }
    }
    return targets;
  }

  private static int parallel(Verb verb, Arguments args) {
    String value = args.value(Option.PARALLEL).orElse("4");
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(
          verb, "--parallel takes a number of targets, such as 8, not " + value);
    }
  }

  /** What the verb does on one target. */
  private static Function<Retort, Object> action(Verb verb, Arguments args) {
    switch (verb) {
      case UPGRADE:
        return r -> r.upgrade(args.argument());
      case DOWNGRADE:
        return r -> r.downgrade(args.argument());
      case STAMP:
        return r -> r.stamp(args.argument(), args.has(Option.PURGE));
      case CURRENT:
        return Retort::current;
      case CHECK:
        return Retort::check;
      default:
        throw new UsageException(verb, "runs on one database, not on a fleet");
    }
  }

  /** A target's value after its outcome: where it is now, or what check found. */
  private static String describe(Object value) {
    if (value instanceof MigrationResult migration) {
      return " at " + (migration.after().isEmpty() ? "base" : String.join(", ", migration.after()));
    }
    if (value instanceof Status status) {
      return status.upToDate() ? ", up to date" : ", " + status.pending().size() + " pending";
    }
    if (value instanceof List<?> rows) {
      return " at "
          + (rows.isEmpty()
              ? "base"
              : String.join(", ", rows.stream().map(String::valueOf).toList()));
    }
    return "";
  }
}
