package dev.retort.it.reliability;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.cli.RetortCli;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every credential form a database URL comes in, through the API, the command line (its FAILED line
 * and its {@code -v} stack trace), the log (start-up's retry lines, the PostgreSQL driver's own
 * warnings) and the history table: the password never shows, and the cause of a failure always
 * does. {@code SafeTextTest} holds the masking itself form by form; the sample's {@code
 * SampleProcessTest} runs the same forms through the sample.
 */
class SecretsTest {

  private static final String SECRET = "S3cr3t-Pa55";

  @TempDir Path dir;

  /**
   * What a run printed: this JVM's standard error (slf4j-simple) and the PostgreSQL driver's JUL.
   */
  private record Output(String log, List<String> driverWarnings) {
    boolean shows(String text) {
      return log.contains(text) || driverWarnings.stream().anyMatch(w -> w.contains(text));
    }
  }

  private static <T> T watching(List<Output> into, Supplier<T> action) {
    Logger driver = Logger.getLogger("org.postgresql");
    List<String> warnings = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            warnings.add(new SimpleFormatter().formatMessage(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    driver.addHandler(handler);
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      return action.get();
    } finally {
      System.setErr(original);
      driver.removeHandler(handler);
      into.add(new Output(captured.toString(StandardCharsets.UTF_8), warnings));
    }
  }

  private static String withCauses(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private MigrationRegistry registry;

  private MigrationRegistry registry() {
    if (registry == null) registry = RegistryCompiler.compile(dir, List.of(table("a")));
    return registry;
  }

  /**
   * URLs the PostgreSQL driver cannot read, which it prints in a warning of its own before it fails
   * (the password in {@code user:password@}, taken for a port, or the whole URL): Retort refuses
   * them before any driver sees them, so no start-up retry runs into the warning again.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://app:" + SECRET + "@127.0.0.1:PORT/appdb",
        "jdbc:postgresql://app:se/" + SECRET + "@127.0.0.1:PORT/appdb",
        "jdbc:postgresql://app:se?" + SECRET + "@127.0.0.1:PORT/appdb",
        "jdbc:postgresql://127.0.0.1:PORT/appdb/x?user=app&password=" + SECRET
      })
  void aUrlThePostgresqlDriverWouldPrintIsRefusedBeforeItSeesIt(String form) throws Exception {
    String url = form.replace("PORT", String.valueOf(closedPort()));
    List<Output> output = new ArrayList<>();

    RetortException e =
        watching(
            output,
            () ->
                assertThrows(
                    RetortException.class,
                    () ->
                        Retort.builder(registry())
                            .url(url)
                            .startupRetry(2, Duration.ofMillis(10))
                            .build()
                            .upgradeOnStartup()));

    assertEquals(ErrorCode.INVALID_URL, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith("the JDBC URL jdbc:postgresql://"), e.getMessage());
    assertFalse(withCauses(e).contains(SECRET), withCauses(e));
    assertFalse(output.get(0).shows(SECRET), output.toString());
    assertEquals(List.of(), output.get(0).driverWarnings());
  }

  /**
   * URLs whose driver quotes them in its error ("Unable to parse URL ...", "No suitable driver
   * found for ..."): masked in the message and in every cause, so that a program may log the
   * exception with its stack trace.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://127.0.0.1:1/appdb?user=app&password=" + SECRET + "%ZZ",
        "jdbc:mysql://db/app?user=app&password=" + SECRET + "&password=" + SECRET,
        "jdbc:sqlserver://db;user=app;password=" + SECRET + ";databaseName=app"
      })
  void aDriversMessageThatQuotesTheUrlIsMaskedInTheExceptionAndItsCauses(String url) {
    List<Output> output = new ArrayList<>();

    RetortException e =
        watching(
            output,
            () ->
                assertThrows(
                    RetortException.class,
                    () -> Retort.builder(registry()).url(url).build().upgrade("heads")));

    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertFalse(withCauses(e).contains(SECRET), withCauses(e));
    assertFalse(output.get(0).shows(SECRET), output.toString());
    assertTrue(withCauses(e).contains("password=***"), withCauses(e));
  }

  /** A pool named by a URL with an unencoded '/' in its password, retried at start-up. */
  @Test
  void everyStartupRetryLineMasksThePoolsName() throws Exception {
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setServerNames(new String[] {"127.0.0.1"});
    unreachable.setPortNumbers(new int[] {closedPort()});
    String name = "postgres://app:se/" + SECRET + "@db.internal/appdb";
    List<Output> output = new ArrayList<>();

    RetortException e =
        watching(
            output,
            () ->
                assertThrows(
                    RetortException.class,
                    () ->
                        Retort.builder(registry())
                            .dataSource(unreachable, name)
                            .startupRetry(2, Duration.ofMillis(10))
                            .build()
                            .upgradeOnStartup()));

    assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
    assertTrue(
        e.getMessage()
            .startsWith("could not connect to postgres://app:***@db.internal/appdb after"),
        e.getMessage());
    String log = output.get(0).log();
    assertEquals(2, log.lines().filter(l -> l.contains("retrying in")).count(), log);
    assertTrue(log.contains("Could not connect to postgres://app:***@db.internal/appdb ("), log);
    assertFalse(output.get(0).shows(SECRET), log);
  }

  /** What a migration's failure says goes into the history table, masked like any message. */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theHistoryTableRecordsAFailureWithoutItsPassword(TestDatabase db) throws Exception {
    String url = db.freshUrl(dir);
    String thrown =
        "throw new IllegalStateException(\"cannot reach postgres://app:se/"
            + SECRET
            + "@replica/db?password="
            + SECRET
            + "\");";
    Retort retort =
        Retort.builder(
                RegistryCompiler.compile(
                    dir,
                    List.of(
                        table("a").withUpgrade(thrown),
                        table("b").withUpgrade(thrown).nonTransactional())))
            .url(url)
            .build();

    RetortException inTransaction = assertThrows(RetortException.class, () -> retort.upgrade("a"));
    RetortException outside = assertThrows(RetortException.class, () -> retort.upgrade("b"));

    for (RetortException e : List.of(inTransaction, outside)) {
      assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
      assertTrue(
          e.getMessage()
              .contains(
                  "Cause: java.lang.IllegalStateException: cannot reach"
                      + " postgres://app:***@replica/db?password=***."),
          e.getMessage());
      assertFalse(withCauses(e).contains(SECRET), withCauses(e));
    }
    assertEquals(
        List.of(
            "cannot reach postgres://app:***@replica/db?password=***",
            "cannot reach postgres://app:***@replica/db?password=***"),
        TestDatabase.column(url, "SELECT error FROM retort_version_history ORDER BY id"));
  }

  /** Runs the command line with {@code env} and captures what it printed. */
  private Output cli(Map<String, String> env, List<String> stdout, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<Output> logs = new ArrayList<>();
    int exit =
        watching(
            logs,
            () -> {
              try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                  PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                return new RetortCli(registry(), null, o, e, env).run(args);
              }
            });
    stdout.add(out.toString(StandardCharsets.UTF_8));
    return new Output(
        "exit " + exit + "\n" + err.toString(StandardCharsets.UTF_8) + logs.get(0).log(),
        logs.get(0).driverWarnings());
  }

  /**
   * The command line's FAILED line, with and without {@code -v}, keeps the cause (the part after
   * the URL used to be masked away up to the next ';') and shows no password, for every form a URL
   * comes in on the command line or in DATABASE_URL, on a real server.
   */
  @Test
  void theCommandLineKeepsTheCauseAndMasksThePasswordInEveryForm() throws Exception {
    String fresh = TestDatabase.POSTGRESQL.freshUrl(dir);
    String server = fresh.substring(0, fresh.lastIndexOf('/'));
    String password = "&password=" + SECRET;
    String noSuchDb = server + "/no_such_db?user=postgres" + password;
    String noSuchRole = fresh.replace("user=postgres", "user=no_such_role") + password;
    String readOnly = fresh + password + "&readOnly=true&readOnlyMode=always";
    Map<String, String> expected =
        Map.of(
            noSuchDb,
            "FATAL: database \"no_such_db\" does not exist",
            noSuchRole,
            "FATAL: role \"no_such_role\" does not exist",
            readOnly,
            "is read-only, so Retort cannot write its version table (ERROR: cannot execute"
                + " CREATE TABLE in a read-only transaction)");
    for (Map.Entry<String, String> form : expected.entrySet()) {
      for (boolean verbose : new boolean[] {false, true}) {
        List<String> stdout = new ArrayList<>();
        Output run =
            verbose
                ? cli(Map.of(), stdout, "-v", "upgrade", "heads", "--url", form.getKey())
                : cli(Map.of("DATABASE_URL", form.getKey()), stdout, "upgrade", "heads");
        String failed =
            run.log().lines().filter(l -> l.startsWith("FAILED: ")).findFirst().orElseThrow();
        assertTrue(failed.contains(form.getValue()), failed);
        assertTrue(failed.contains("password=***"), failed);
        assertTrue(run.log().startsWith("exit 1\n"), run.log());
        assertFalse(run.shows(SECRET), run.log());
        assertEquals(verbose, run.log().contains("\tat dev.retort."), run.log());
      }
    }
  }

  /** Forms refused before anything connects: their FAILED line shows no part of the password. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgres://app:se/" + SECRET + "@127.0.0.1/appdb",
        "postgres://app:se#" + SECRET + "@127.0.0.1/appdb",
        "jdbc:postgresql://app:" + SECRET + "@127.0.0.1/appdb",
        "redis://:" + SECRET + "@cache:6379",
        "mysql://root:" + SECRET + "@db/app"
      })
  void aRefusedUrlShowsNoPartOfThePassword(String url) {
    for (String[] args : List.of(new String[] {"current"}, new String[] {"-v", "current"})) {
      Output run = cli(Map.of("DATABASE_URL", url), new ArrayList<>(), args);
      assertTrue(run.log().startsWith("exit 1\nFAILED: the "), run.log());
      // Not even its start: "redis://:S3c" was what the message once quoted.
      assertFalse(run.shows(SECRET.substring(0, 3)), run.log());
    }
  }

  /** A URL put where the verb goes is quoted by the usage error, masked. */
  @Test
  void aUsageErrorThatQuotesAUrlMasksIt() {
    Output run =
        cli(
            Map.of(),
            new ArrayList<>(),
            "jdbc:postgresql://db/app?user=app&password=" + SECRET,
            "current");
    assertEquals(
        "exit 2\nretort: unknown verb 'jdbc:postgresql://db/app?user=app&password=***' (see"
            + " 'retort --help')\n",
        run.log());
  }
}
