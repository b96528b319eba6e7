package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.MigrationRegistry;
import dev.retort.cli.RetortCli;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.SafeText;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalogue of bad input: every bad value tried against Retort (URLs, targets, builder values,
 * command lines, DATABASE_URL), with the one line it gets, word for word, and its {@code ErrorCode}
 * or, on the command line, its exit code. Every row runs against a real SQLite file and a real
 * PostgreSQL database (a row that concerns one of them says so), and none may write anything there,
 * not even the version table. In the rows, {@code {url}} is the database's URL, {@code {server}}
 * the PostgreSQL server's ({@code jdbc:postgresql://HOST:PORT}), {@code {dir}} the test's folder
 * and {@code {secret}} a password, which no line may show. The other tests check what happens
 * around each refusal; this one is the list to read.
 */
class BadInputCatalogueTest {

  private static final String SECRET = "S3cr3t";
  private static final String LONG_NAME = "v".repeat(56);

  /** What a row gives Retort and the one line it gets back. */
  private record Row(String input, Optional<TestDatabase> only, Attempt attempt, String expected) {}

  /** Gives the bad input; returns what came back, as {@link #outcome} writes it. */
  @FunctionalInterface
  private interface Attempt {
    String run(Context context) throws Exception;
  }

  /** A fresh database of one kind, and the graph: a1 <- b2 (main), a1 <- c3 (side). */
  private record Context(
      TestDatabase db, String url, String server, Path dir, MigrationRegistry registry) {

    String expand(String template) {
      return template
          .replace("{url}", url)
          .replace("{server}", server)
          .replace("{dir}", dir.toString())
          .replace("{secret}", SECRET);
    }

    /** {@code text} with the context's values written as placeholders again. */
    String template(String text) {
      String shown = text;
      for (String value : List.of(url, SafeText.mask(url))) shown = shown.replace(value, "{url}");
      if (!server.isEmpty()) shown = shown.replace(server, "{server}");
      return shown.replace(dir.toString(), "{dir}");
    }

    Retort retort() {
      return Retort.builder(registry).url(url).build();
    }
  }

  private static final List<Row> CATALOGUE =
      List.of(
          // Targets: the same through the API and the command line.
          call(
              "upgrade(\"\")",
              r -> r.upgrade(""),
              "INVALID_ARGUMENT: the target is empty; give a revision id or the start of one, a"
                  + " branch label, head, heads, base, or a relative step such as +1 or -1"),
          call(
              "downgrade(\"\")",
              r -> r.downgrade(""),
              "INVALID_ARGUMENT: the target is empty; give a revision id or the start of one, a"
                  + " branch label, head, heads, base, or a relative step such as +1 or -1"),
          call(
              "show(\"\")",
              r -> r.show(""),
              "INVALID_ARGUMENT: the target is empty; give a revision id or the start of one, a"
                  + " branch label, head, heads, base, or a relative step such as +1 or -1"),
          call(
              "upgrade(\"+2147483648\")",
              r -> r.upgrade("+2147483648"),
              "OUT_OF_RANGE: '+2147483648' goes up 2147483648 revisions, but 'a1', reached after 1"
                  + " revision, is a branch point that b2 and c3 revise; name the target revision"
                  + " instead"),
          call(
              "downgrade(\"-99999999999\")",
              r -> r.downgrade("-99999999999"),
              "OUT_OF_RANGE: '-99999999999' goes down 99999999999 revisions, but it starts at"
                  + " base; name the target revision instead"),
          call(
              "upgrade(\"+3\")",
              r -> r.upgrade("+3"),
              "OUT_OF_RANGE: '+3' goes up 3 revisions, but 'a1', reached after 1 revision, is a"
                  + " branch point that b2 and c3 revise; name the target revision instead"),
          call(
              "upgrade(\"head\")",
              r -> r.upgrade("head"),
              "MULTIPLE_HEADS: 'head' is ambiguous: there are 2 heads (b2, c3); name one, use"
                  + " 'heads' for all of them, or a LABEL@head"),
          call(
              "upgrade(\"x9\")",
              r -> r.upgrade("x9"),
              "UNKNOWN_REVISION: no revision 'x9'; did you mean a1 or b2 or c3? ('history' lists"
                  + " every revision)"),
          call(
              "upgrade(\"nolabel@head\")",
              r -> r.upgrade("nolabel@head"),
              "UNKNOWN_REVISION: no branch label or revision 'nolabel' ('branches' lists the"
                  + " labelled branches)"),
          call(
              "downgrade(\"b2\")",
              r -> r.downgrade("b2"),
              "NOT_APPLIED: cannot downgrade to 'b2': it is not applied (the database is at base);"
                  + " use 'upgrade' to move forward"),
          call(
              "downgradeSql(\"b2\")",
              r -> r.downgradeSql("b2"),
              "INVALID_ARGUMENT: an offline downgrade needs a range FROM:TO, such as heads:base,"
                  + " since there is no database to read the current revision from"),
          // Database URLs, through Retort.builder(...).url(URL).build().upgrade("heads").
          url(
              "jdbc:sqlite:",
              "INVALID_URL: the JDBC URL jdbc:sqlite: names no database file, so SQLite would"
                  + " migrate a temporary database that is deleted when the connection closes; name"
                  + " the file, such as jdbc:sqlite:./data/app.db"),
          url(
              "jdbc:sqlite:?journal_mode=WAL",
              "INVALID_URL: the JDBC URL jdbc:sqlite:?journal_mode=WAL names no database file, so"
                  + " SQLite would migrate a temporary database that is deleted when the connection"
                  + " closes; name the file, such as jdbc:sqlite:./data/app.db"),
          url(
              "jdbc:sqlite::memory:",
              "INVALID_URL: the JDBC URL jdbc:sqlite::memory: names an in-memory database, which"
                  + " lives only as long as its connection: Retort opens a connection for each"
                  + " command, so each would see a new, empty database and an upgrade would vanish"
                  + " when it ends; name a file, such as jdbc:sqlite:./data/app.db, or pass"
                  + " Retort.builder(...).dataSource(...) a DataSource that keeps one connection"
                  + " open"),
          url(
              "jdbc:postgresql://app:{secret}@localhost:5432/app",
              "INVALID_URL: the JDBC URL jdbc:postgresql://app:***@localhost:5432/app has a user"
                  + " name or password before the host, which the PostgreSQL driver does not read:"
                  + " it would take the password for a port and print it in a warning; write"
                  + " jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD, the password"
                  + " percent-encoded"),
          url(
              "jdbc:postgresql://app:se/{secret}@localhost:5432/app",
              "INVALID_URL: the JDBC URL jdbc:postgresql://app:***@localhost:5432/app has a user"
                  + " name or password before the host, which the PostgreSQL driver does not read:"
                  + " it would take the password for a port and print it in a warning; write"
                  + " jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD, the password"
                  + " percent-encoded"),
          url(
              "jdbc:postgresql://localhost:5432/app/x?password={secret}",
              "INVALID_URL: the JDBC URL jdbc:postgresql://localhost:5432/app/x?password=*** has a"
                  + " '/' after the database name, which the PostgreSQL driver does not read: it"
                  + " would print the whole URL, password included, in a warning; write"
                  + " jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD, a '/' in a name"
                  + " percent-encoded as %2F"),
          url(
              "jdbc:postgresql://localhost:54x2/app",
              "INVALID_URL: the JDBC URL jdbc:postgresql://localhost:54x2/app has a port that is"
                  + " not a number, which the PostgreSQL driver does not read: it would print what"
                  + " it took for the port in a warning; write"
                  + " jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD, the password"
                  + " percent-encoded"),
          url(
              "jdbc:mysql://db/app?user=app&password={secret}&password={secret}",
              "CONNECTION_FAILED: could not connect to"
                  + " jdbc:mysql://db/app?user=app&password=***&password=***: No suitable driver"
                  + " found for jdbc:mysql://db/app?user=app&password=***&password=***; no JDBC"
                  + " driver on the class path takes this URL, which waiting will not change, so"
                  + " this was not retried: add the database's JDBC driver (Retort supports"
                  + " PostgreSQL and SQLite)"),
          url(
              TestDatabase.SQLITE,
              "jdbc:sqlite:{dir}/no-such-folder/app.db",
              "CONNECTION_FAILED: could not connect to jdbc:sqlite:{dir}/no-such-folder/app.db:"
                  + " [SQLITE_CANTOPEN] Unable to open the database file (unable to open database"
                  + " file); check that the SQLite file's folder exists and that this user may"
                  + " create files in it"),
          url(
              TestDatabase.SQLITE,
              "{url}&open_mode=1&password={secret}",
              "DATABASE_ERROR: the database {url}&open_mode=1&password=*** is read-only, so Retort"
                  + " cannot write its version table ([SQLITE_READONLY] Attempt to write a readonly"
                  + " database (attempt to write a readonly database)); connect with a user and URL"
                  + " that may write, not to a read-only replica or in a read-only mode"),
          url(
              TestDatabase.POSTGRESQL,
              "{server}/no_such_db?user=postgres&password={secret}",
              "CONNECTION_FAILED: could not connect to"
                  + " {server}/no_such_db?user=postgres&password=***: FATAL: database"
                  + " \"no_such_db\" does not exist; the server is up but has no database of that"
                  + " name, which waiting will not change, so this was not retried: create it"
                  + " (CREATE DATABASE) or correct the database name in the URL"),
          url(
              TestDatabase.POSTGRESQL,
              "{server}/postgres?user=no_such_role&password={secret}",
              "CONNECTION_FAILED: could not connect to"
                  + " {server}/postgres?user=no_such_role&password=***: FATAL: role"
                  + " \"no_such_role\" does not exist; the database refused the login, which"
                  + " waiting will not change, so this was not retried: check the user name and"
                  + " password"),
          url(
              TestDatabase.POSTGRESQL,
              "{url}&password={secret}&readOnly=true&readOnlyMode=always",
              "DATABASE_ERROR: the database {url}&password=***&readOnly=true&readOnlyMode=always is"
                  + " read-only, so Retort cannot write its version table (ERROR: cannot execute"
                  + " CREATE TABLE in a read-only transaction); connect with a user and URL that"
                  + " may write, not to a read-only replica or in a read-only mode"),
          // Builder values, each followed by build().upgrade("heads").
          builder(
              "versionTable(\"v\" x 56)",
              b -> b.versionTable(LONG_NAME),
              "INVALID_IDENTIFIER: version table"
                  + " 'vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv' is 56 characters"
                  + " long; use at most 55, so that its history table"
                  + " 'vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv_history' fits in"
                  + " PostgreSQL's limit of 63 characters for a name; PostgreSQL cuts a longer name"
                  + " short without a word, at 63 onto the version table itself"),
          builder(
              "versionTable(\"\")",
              b -> b.versionTable(""),
              "INVALID_IDENTIFIER: version table '' is not a plain identifier; use letters, digits"
                  + " and '_' (not leading), at most 63 characters"),
          builder(
              "versionTable(\"a;b\")",
              b -> b.versionTable("a;b"),
              "INVALID_IDENTIFIER: version table 'a;b' is not a plain identifier; use letters,"
                  + " digits and '_' (not leading), at most 63 characters"),
          builder(
              "schema(\"ops\\\"; DROP TABLE x\")",
              b -> b.schema("ops\"; DROP TABLE x"),
              "INVALID_IDENTIFIER: schema 'ops\"; DROP TABLE x' is not a plain identifier; use"
                  + " letters, digits and '_' (not leading), at most 63 characters"),
          builder(
              "lockTimeout(-1 s)",
              b -> b.lockTimeout(Duration.ofSeconds(-1)),
              "INVALID_ARGUMENT: lockTimeout(PT-1S) is negative; give how long to wait for another"
                  + " process's migration lock, from 0 (do not wait) to 24 hours"),
          builder(
              "lockTimeout(300 years)",
              b -> b.lockTimeout(Duration.ofDays(365L * 300)),
              "INVALID_ARGUMENT: lockTimeout(PT2628000H) is longer than 24 hours, the most Retort"
                  + " waits for another process's migration lock; a lock held that long is stuck,"
                  + " not busy: find the process that holds it"),
          builder(
              "startupRetry(-1, 2 s)",
              b -> b.startupRetry(-1, Duration.ofSeconds(2)),
              "INVALID_ARGUMENT: startupRetry(-1, PT2S): the number of retries is negative; give 0"
                  + " (connect once) or more"),
          builder(
              "startupRetry(3, -1 s)",
              b -> b.startupRetry(3, Duration.ofSeconds(-1)),
              "INVALID_ARGUMENT: startupRetry(3, PT-1S): the backoff is negative; give the first"
                  + " wait, such as 2 seconds"),
          builder(
              "startupRetry(64, 2 s)",
              b -> b.startupRetry(64, Duration.ofSeconds(2)),
              "INVALID_ARGUMENT: startupRetry(64, PT2S) would wait more than 24 hours in all (the"
                  + " backoff doubles at each retry); give fewer retries or a shorter backoff"),
          builder(
              "dialect(\"mysql\")",
              b -> b.dialect("mysql"),
              "UNSUPPORTED_DATABASE: Retort supports PostgreSQL and SQLite, not mysql"),
          // Command lines.
          cli(List.of(), "exit 2: retort: no verb given (see 'retort --help')"),
          cli(
              List.of("upgrde", "heads"),
              "exit 2: retort: unknown verb 'upgrde'; did you mean 'upgrade'? (see 'retort"
                  + " --help')"),
          cli(
              List.of("upgrade"),
              "exit 2: retort: 'upgrade' needs TARGET, for example 'upgrade heads' (see 'retort"
                  + " upgrade --help')"),
          cli(
              List.of("upgrade", "b2", "c3"),
              "exit 2: retort: 'upgrade' takes only TARGET, but got b2 c3 (see 'retort upgrade"
                  + " --help')"),
          cli(
              List.of("current", "--purge"),
              "exit 2: retort: option --purge does not apply to 'current' (see 'retort current"
                  + " --help')"),
          cli(
              List.of("current", "--bogus"),
              "exit 2: retort: unknown option '--bogus' (see 'retort --help')"),
          cli(
              List.of("history", "--format", "png"),
              "exit 2: retort: --format is dot or mermaid, not 'png' (see 'retort history"
                  + " --help')"),
          cli(
              List.of("current", "--url", "{url}", "--url", "{url}"),
              "exit 2: retort: option --url is given twice (see 'retort --help')"),
          cli(
              List.of("current", "--url", ""),
              "exit 2: retort: option --url is given an empty value; give --url JDBC_URL (see"
                  + " 'retort --help')"),
          cli(
              List.of("jdbc:postgresql://db/app?password={secret}", "current"),
              "exit 2: retort: unknown verb 'jdbc:postgresql://db/app?password=***' (see 'retort"
                  + " --help')"),
          cli(
              List.of("current", "--url", "jdbc:mysql://db/app?user=app&password={secret}"),
              "exit 1: FAILED: Retort supports PostgreSQL (jdbc:postgresql://HOST/DB) and SQLite"
                  + " (jdbc:sqlite:FILE), not a jdbc:mysql: URL"),
          cli(
              List.of("upgrade", "", "--url", "{url}"),
              "exit 1: FAILED: the target is empty; give a revision id or the start of one, a"
                  + " branch label, head, heads, base, or a relative step such as +1 or -1"),
          cli(
              List.of("upgrade", "+2147483648", "--url", "{url}"),
              "exit 1: FAILED: '+2147483648' goes up 2147483648 revisions, but 'a1', reached after"
                  + " 1 revision, is a branch point that b2 and c3 revise; name the target revision"
                  + " instead"),
          cli(
              List.of("upgrade", "heads", "--url", "{url}", "--version-table", LONG_NAME),
              "exit 1: FAILED: version table"
                  + " 'vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv' is 56 characters"
                  + " long; use at most 55, so that its history table"
                  + " 'vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv_history' fits in"
                  + " PostgreSQL's limit of 63 characters for a name; PostgreSQL cuts a longer name"
                  + " short without a word, at 63 onto the version table itself"),
          cli(
              List.of("downgrade", "--sql", "b2", "--url", "{url}"),
              "exit 1: FAILED: an offline downgrade needs a range FROM:TO, such as heads:base,"
                  + " since there is no database to read the current revision from"),
          cli(
              List.of("upgrade", "heads"),
              "exit 1: FAILED: no database given: pass --url JDBC_URL or set the DATABASE_URL"
                  + " environment variable"),
          cli(
              List.of("current", "--url", "jdbc:sqlite:"),
              "exit 1: FAILED: the JDBC URL jdbc:sqlite: names no database file, so SQLite would"
                  + " migrate a temporary database that is deleted when the connection closes; name"
                  + " the file, such as jdbc:sqlite:./data/app.db"),
          cli(
              List.of("current", "--url", "jdbc:sqlite:/nonexistent/dir/x.db"),
              "exit 1: FAILED: the SQLite database file /nonexistent/dir/x.db does not exist;"
                  + " check the URL, or run 'upgrade' to create it"),
          // DATABASE_URL, as hosting platforms set it.
          env(
              "postgres://app:se/{secret}@localhost/app",
              "exit 1: FAILED: the database URL postgres://app:***@localhost/app has an '@' after"
                  + " the host: percent-encode '/' as %2F, '?' as %3F, '#' as %23 and '@' as %40 in"
                  + " the password (and write an '@' elsewhere as %40)"),
          env(
              "postgres://app:se#{secret}@localhost/app",
              "exit 1: FAILED: the database URL postgres://app:***@localhost/app has an '@' after"
                  + " the host: percent-encode '/' as %2F, '?' as %3F, '#' as %23 and '@' as %40 in"
                  + " the password (and write an '@' elsewhere as %40)"),
          env(
              "redis://:{secret}@cache:6379",
              "exit 1: FAILED: the database URL must be a JDBC URL (jdbc:postgresql://HOST/DB,"
                  + " jdbc:sqlite:FILE) or postgres://USER:PASSWORD@HOST/DB; got a redis: URL"),
          env(
              "mysql://root:{secret}@db/app",
              "exit 1: FAILED: the database URL must be a JDBC URL (jdbc:postgresql://HOST/DB,"
                  + " jdbc:sqlite:FILE) or postgres://USER:PASSWORD@HOST/DB; got a mysql: URL"),
          env(
              "jdbc:postgresql://app:{secret}@localhost/app",
              "exit 1: FAILED: the JDBC URL jdbc:postgresql://app:***@localhost/app has a user name"
                  + " or password before the host, which the PostgreSQL driver does not read: it"
                  + " would take the password for a port and print it in a warning; write"
                  + " jdbc:postgresql://HOST:PORT/DB?user=USER&password=PASSWORD, the password"
                  + " percent-encoded"));

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void everyBadInputGetsItsOneLine(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    String server = db == TestDatabase.POSTGRESQL ? url.substring(0, url.lastIndexOf('/')) : "";
    Context context =
        new Context(
            db,
            url,
            server,
            dir,
            RegistryCompiler.compile(
                dir,
                List.of(
                    table("a1"),
                    table("b2", "a1").labelled("main"),
                    table("c3", "a1").labelled("side"))));
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (Row row : CATALOGUE) {
      if (row.only().isPresent() && row.only().get() != db) continue;
      expected.add(row.input() + "\n    " + row.expected());
      actual.add(row.input() + "\n    " + context.template(row.attempt().run(context)));
    }

    assertEquals(String.join("\n", expected), String.join("\n", actual));
    // Refused before anything was written: not even the version table exists.
    assertEquals(List.of(), db.tables(url));
  }

  /** A call that should be refused. */
  @FunctionalInterface
  private interface Action {
    void run(Context context) throws Exception;
  }

  /** {@code ErrorCode: message} of what {@code action} threw, or what else happened. */
  private static String outcome(Action action, Context context) {
    try {
      action.run(context);
      return "accepted";
    } catch (RetortException e) {
      return e.code() + ": " + e.getMessage();
    } catch (Exception e) {
      return "threw " + e;
    }
  }

  private static Row call(String input, ThrowingCall call, String expected) {
    return new Row(
        input, Optional.empty(), context -> outcome(c -> call.run(c.retort()), context), expected);
  }

  @FunctionalInterface
  private interface ThrowingCall {
    Object run(Retort retort) throws Exception;
  }

  private static Row url(String template, String expected) {
    return url(null, template, expected);
  }

  private static Row url(TestDatabase only, String template, String expected) {
    return new Row(
        "url(\"" + template + "\")",
        Optional.ofNullable(only),
        context ->
            outcome(
                c -> Retort.builder(c.registry()).url(c.expand(template)).build().upgrade("heads"),
                context),
        expected);
  }

  private static Row builder(String input, UnaryOperator<Retort.Builder> setting, String expected) {
    return new Row(
        input,
        Optional.empty(),
        context ->
            outcome(
                c ->
                    setting
                        .apply(Retort.builder(c.registry()).url(c.url()))
                        .build()
                        .upgrade("heads"),
                context),
        expected);
  }

  private static Row cli(List<String> args, String expected) {
    return command(Map.of(), args, expected);
  }

  private static Row env(String databaseUrl, String expected) {
    return command(Map.of("DATABASE_URL", databaseUrl), List.of("current"), expected);
  }

  /** The command line with {@code env} and {@code args}: its exit code and standard error. */
  private static Row command(Map<String, String> env, List<String> args, String expected) {
    String shown =
        env.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() + " ")
                .collect(Collectors.joining())
            + "retort"
            + args.stream()
                .map(a -> a.isEmpty() || a.contains(" ") ? " '" + a + "'" : " " + a)
                .collect(Collectors.joining());
    return new Row(
        shown,
        Optional.empty(),
        context -> {
          ByteArrayOutputStream err = new ByteArrayOutputStream();
          int exit;
          try (PrintStream out =
                  new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
              PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Map<String, String> expanded =
                env.entrySet().stream()
                    .collect(
                        Collectors.toMap(Map.Entry::getKey, e -> context.expand(e.getValue())));
            exit =
                new RetortCli(context.registry(), null, out, errors, expanded)
                    .run(args.stream().map(context::expand).toArray(String[]::new));
          }
          return "exit "
              + exit
              + ": "
              + Arrays.stream(err.toString(StandardCharsets.UTF_8).split("\n"))
                  .collect(Collectors.joining(" | "));
        },
        expected);
  }
}
