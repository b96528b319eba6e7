package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --help, usage errors and their exit code 2. */
class HelpAndUsageTest {

  private final Cli cli = Cli.of(Graphs.line(), null);

  @Test
  void programHelpListsEveryVerbAndTheGlobalOptions() {
    Cli.Result result = cli.run("--help");
    assertEquals(0, result.exit());
    assertEquals("", result.err());
    assertTrue(result.out().startsWith("usage: retort [options] VERB [arguments]\n"));
    for (Verb verb : Verb.values()) {
      assertTrue(result.out().contains("\n  " + verb.verbName()), verb.verbName());
    }
    for (String option : new String[] {"--url JDBC_URL", "--version-table NAME", "--schema NAME"}) {
      assertTrue(result.out().contains(option), option);
    }
    assertTrue(result.out().contains("-v, --verbose"));
  }

  @Test
  void everyVerbHasItsOwnHelp() {
    for (Verb verb : Verb.values()) {
      Cli.Result result = cli.run(verb.verbName(), "--help");
      assertEquals(0, result.exit(), verb.verbName());
      assertTrue(result.out().startsWith("usage: retort " + verb.verbName()), result.out());
      for (Option option : verb.options()) {
        assertTrue(result.out().contains(option.synopsis()), option.synopsis());
      }
    }
    assertEquals(
        "usage: retort history [--rev-range RANGE] [--graph] [--format dot|mermaid]",
        cli.run("history", "-h").lines().get(0));
  }

  @Test
  void helpWinsOverEverythingElseOnTheLine() {
    Cli.Result result = cli.run("upgrade", "--sql", "--help");
    assertEquals(0, result.exit());
    assertTrue(
        result
            .out()
            .startsWith(
                "usage: retort upgrade TARGET [--sql] [--dialect postgresql|sqlite] [more"
                    + " options]\n"),
        result.out());
  }

  @Test
  void helpLinesFitATerminal() {
    for (Verb verb : Verb.values()) {
      for (String line : cli.run(verb.verbName(), "--help").lines()) {
        assertTrue(line.length() <= 90, line);
      }
    }
  }

  @Test
  void versionPrintsTheVersionNotADidYouMean() {
    for (String[] args : new String[][] {{"--version"}, {"upgrade", "--version"}}) {
      Cli.Result result = cli.run(args);
      assertEquals(0, result.exit(), result.err());
      assertEquals("", result.err());
      // The unit tests run from classes, not the jar whose manifest holds the version; the
      // sample's tests run the jar and see the number.
      assertEquals("Retort (version unknown: not run from the retort-cli jar)\n", result.out());
    }
  }

  @Test
  void helpIsAVerbToo() {
    Cli.Result program = cli.run("help");
    assertEquals(0, program.exit(), program.err());
    assertEquals(cli.run("--help").out(), program.out());
    Cli.Result verb = cli.run("help", "upgrade");
    assertEquals(0, verb.exit(), verb.err());
    assertEquals(cli.run("upgrade", "--help").out(), verb.out());
    Cli.Result unknown = cli.run("help", "upgrde");
    assertEquals(2, unknown.exit());
    assertEquals(
        "retort: unknown verb 'upgrde'; did you mean 'upgrade'? (see 'retort --help')\n",
        unknown.err());
  }

  @Test
  void nothingAtAll() {
    Cli.Result result = cli.run();
    assertEquals(2, result.exit());
    assertEquals("", result.out());
    assertEquals("retort: no verb given (see 'retort --help')\n", result.err());
  }

  @Test
  void unknownVerb() {
    Cli.Result result = cli.run("histroy");
    assertEquals(2, result.exit());
    assertEquals(
        "retort: unknown verb 'histroy'; did you mean 'history'? (see 'retort --help')\n",
        result.err());
  }

  @Test
  void misusedVerbPointsAtItsHelp() {
    Cli.Result result = cli.run("show");
    assertEquals(2, result.exit());
    assertEquals(
        "retort: 'show' needs REV, for example 'show rev' (see 'retort show --help')\n",
        result.err());
  }

  @Test
  void programNameIsConfigurable() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit =
        new RetortCli(Graphs.line(), null, stream, stream, Map.of())
            .withProgramName("java -jar app.jar")
            .run("bogus");
    assertEquals(2, exit);
    assertEquals(
        "java -jar app.jar: unknown verb 'bogus' (see 'java -jar app.jar --help')\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void invalidRegistryIsAFailureNotACrash() {
    TestRegistry broken = TestRegistry.create().rev("a1", "x", "missing");
    Cli.Result result = Cli.of(broken, null).run("heads");
    assertEquals(1, result.exit());
    assertTrue(
        result.err().startsWith("FAILED: the registries do not form a valid revision graph"),
        result.err());
    assertEquals(1, result.err().lines().count());
  }
}
