package dev.retort.cli;

import dev.retort.MigrationRegistry;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retort's command line, with Alembic's verbs: {@code upgrade}, {@code downgrade}, {@code current},
 * {@code heads}, {@code branches}, {@code history}, {@code show}, {@code stamp}, {@code check},
 * {@code revision} and {@code merge}. An application's {@code main} delegates to it:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   System.exit(RetortCli.run(RetortMigrations.registry(), "jdbc:sqlite:./data/app.db", args));
 * }
 * }</pre>
 *
 * <p>The database is {@code --url}, else the {@code DATABASE_URL} environment variable, else the
 * application's default given to {@link #run(MigrationRegistry, String, String[])} (or to the
 * constructor, or {@link #withDefaultUrl}).
 *
 * <p>Exit codes: 0 success; 1 failure, with one line on standard error that says what to do; 2 a
 * command line that cannot be understood. Results go to standard output; progress is the runtime's
 * log (SLF4J), one line per revision.
 */
public final class RetortCli {

  /** A whole number with ms, s or m after it, or 0 alone. */
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)|0");

  private static final String PROGRAM = "retort";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MigrationRegistry registry;
  private final Optional<String> defaultUrl;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final String program;
  private final Connector connector;
  private final Supplier<String> randomIds;

  /**
   * A command line over {@code registry}.
   *
   * @param defaultUrl the JDBC URL used when neither {@code --url} nor {@code DATABASE_URL} is
   *     given; null for none
   * @param out where results go
   * @param err where errors go
   * @param env the environment, for {@code DATABASE_URL}
   */
  public RetortCli(
      MigrationRegistry registry,
      String defaultUrl,
      PrintStream out,
      PrintStream err,
      Map<String, String> env) {
    this(registry, Optional.ofNullable(defaultUrl), out, err, env, PROGRAM, Connector.byUrl());
  }

  private RetortCli(
      MigrationRegistry registry,
      Optional<String> defaultUrl,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      String program,
      Connector connector) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.defaultUrl = defaultUrl;
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.env = Map.copyOf(env);
    this.program = program;
    this.connector = connector;
    this.randomIds = RetortCli::randomId;
  }

  /**
   * Runs {@code args} against {@code registry} with the process's streams and environment; the
   * database comes from {@code --url} or {@code DATABASE_URL}, with no default: an application
   * whose database is known passes it to {@link #run(MigrationRegistry, String, String[])}.
   *
   * @return the exit code
   */
  public static int run(MigrationRegistry registry, String... args) {
    return new RetortCli(registry, null, System.out, System.err, System.getenv()).run(args);
  }

  /**
   * Runs {@code args} against {@code registry} with the process's streams and environment; the
   * database comes from {@code --url}, else {@code DATABASE_URL}, else {@code defaultUrl}, the
   * application's own database:
   *
   * <pre>{@code
   * public static void main(String[] args) {
   *   System.exit(RetortCli.run(Migrations.registry(), "jdbc:sqlite:./data/app.db", args));
   * }
   * }</pre>
   *
   * @param defaultUrl the JDBC URL (or {@code postgres://} URL) used when neither {@code --url} nor
   *     {@code DATABASE_URL} names a database; null for none
   * @param args the command line, as {@code main} receives it
   * @return the exit code
   */
  public static int run(MigrationRegistry registry, String defaultUrl, String[] args) {
    return new RetortCli(registry, defaultUrl, System.out, System.err, System.getenv()).run(args);
  }

  /**
   * This command line, using {@code url} when neither {@code --url} nor {@code DATABASE_URL} names
   * a database; null for none.
   */
  public RetortCli withDefaultUrl(String url) {
    return new RetortCli(registry, Optional.ofNullable(url), out, err, env, program, connector);
  }

  /** This command line, connecting through {@code connector} (such as the application's pool). */
  public RetortCli withConnector(Connector connector) {
    return new RetortCli(
        registry, defaultUrl, out, err, env, program, Objects.requireNonNull(connector));
  }

  /** This command line, calling itself {@code name} in help and messages. */
  public RetortCli withProgramName(String name) {
    return new RetortCli(
        registry, defaultUrl, out, err, env, Objects.requireNonNull(name), connector);
  }

  /**
   * Runs one command.
   *
   * @return the exit code: 0 success, 1 failure, 2 usage error
   */
  public int run(String... args) {
    Arguments arguments;
    try {
      arguments = ArgumentParser.parse(args);
    } catch (UsageException e) {
      return usageError(e);
    }
    if (arguments.has(Option.VERSION)) {
      out.print(Help.version());
      return 0;
    }
    if (arguments.has(Option.HELP) || arguments.verb() == Verb.HELP) {
      try {
        out.print(Help.of(program, arguments));
      } catch (UsageException e) {
        return usageError(e);
      }
      return 0;
    }
    boolean verbose = arguments.has(Option.VERBOSE);
    Logging.configure(verbose);
    try {
      return execute(arguments, verbose);
    } catch (UsageException e) {
      return usageError(e);
    } catch (RetortException | CommandFailure e) {
      return failure(e.getMessage(), e, verbose);
    } catch (RuntimeException e) {
      return failure(
          "unexpected " + e + (verbose ? "" : "; run again with -v for the stack trace"),
          e,
          verbose);
    }
  }

  private int execute(Arguments args, boolean verbose) {
    Verb verb = args.verb();
    boolean offline = args.has(Option.SQL);
    boolean connects = verb.needsDatabase() && !offline;
    Optional<String> dialect = args.value(Option.DIALECT);
    if (dialect.isPresent() && !offline) {
      throw new UsageException(
          verb,
          "--dialect goes with --sql, which writes a script for that database; a migration that"
              + " runs takes the database from --url");
    }
    // The dialect named stands for the database; DATABASE_URL and the default are not read.
    Optional<String> url =
        dialect.isPresent()
            ? Optional.empty()
            : DatabaseUrl.resolve(args.value(Option.URL), env, defaultUrl);
    // A fleet of URLs names its databases in its file.
    boolean ownUrls = args.has(Option.URLS);
    if (url.isEmpty() && dialect.isEmpty() && (offline || connects) && !ownUrls) {
      throw new RetortException(
          ErrorCode.NO_DATABASE,
          offline
              ? "--sql needs to know the database: pass --dialect postgresql or --dialect sqlite"
                  + " (or a --url, of which only the kind is read: nothing connects in --sql mode)"
              : "no database given: pass --url JDBC_URL or set the DATABASE_URL environment"
                  + " variable");
    }
    Retort.Builder builder = Retort.builder(registry);
    dialect.ifPresent(builder::dialect);
    args.value(Option.VERSION_TABLE).ifPresent(builder::versionTable);
    args.value(Option.SCHEMA).ifPresent(builder::schema);
    args.value(Option.DDL_LOCK_TIMEOUT)
        .ifPresent(value -> builder.ddlLockTimeout(duration(verb, value)));
    // Offline SQL takes only the dialect from the URL; a verb that needs no database gets none.
    // The runtime checks the URL here, before a connector hands it to a pool, whose driver would
    // print a URL it cannot read, password and all.
    if (FleetCommand.applies(args)) {
      // Each target connects by its own URL; the template has none.
      return FleetCommand.run(
          new Command(args, builder.build(), out, verbose, randomIds),
          verb,
          url.map(DatabaseUrl::supported));
    }
    if (url.isPresent() && (offline || connects)) builder.url(DatabaseUrl.supported(url.get()));
    AutoCloseable connection = connects ? connect(builder, url.get()) : () -> {};
    try {
      return verb.run(new Command(args, builder.build(), out, verbose, randomIds));
    } finally {
      close(connection);
    }
  }

  /** {@code 500ms}, {@code 5s}, {@code 2m} or {@code 0}, as a usage error says when it is not. */
  private static Duration duration(Verb verb, String value) {
    Matcher m = DURATION.matcher(value.strip());
    if (!m.matches()) {
      throw new UsageException(
          verb,
          "--ddl-lock-timeout takes a duration such as 500ms, 5s or 2m (0: no limit), not "
              + value);
    }
    if (m.group(1) == null) return Duration.ZERO;
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  private static void close(AutoCloseable connection) {
    try {
      connection.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CommandFailure("could not close the database connection: " + e.getMessage(), e);
    }
  }

  /** Points the builder at the database through the connector, such as the application's pool. */
  private AutoCloseable connect(Retort.Builder builder, String url) {
    try {
      return connector.connect(builder, url);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CommandFailure("could not set up the database connection: " + e.getMessage(), e);
    }
  }

  /** The usage error's one line; it may quote an argument, such as a URL put where a verb goes. */
  private int usageError(UsageException e) {
    String help =
        e.verb() == null ? program + " --help" : program + " " + e.verb().verbName() + " --help";
    err.println(
        program + ": " + SafeText.mask(SafeText.oneLine(e.getMessage())) + " (see '" + help + "')");
    return 2;
  }

  /**
   * The one {@code FAILED:} line, whatever the message quotes: one line, passwords masked; with
   * {@code -v}, the stack trace, masked too, since the causes' messages are the drivers' own.
   */
  private int failure(String message, Exception e, boolean verbose) {
    err.println("FAILED: " + SafeText.mask(SafeText.oneLine(message)));
    if (verbose) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(SafeText.mask(trace.toString()));
    }
    return 1;
  }

  private static String randomId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
