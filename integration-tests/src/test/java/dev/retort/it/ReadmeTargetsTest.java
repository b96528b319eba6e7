package dev.retort.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.MigrationRegistry;
import dev.retort.cli.RetortCli;
import dev.retort.testkit.RegistryCompiler;
import dev.retort.testkit.RevisionSpec;
import dev.retort.testkit.TargetConformance;
import dev.retort.testkit.TargetGraph;
import dev.retort.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of the README's target table, run on the command line on the graph the README draws
 * (the recorded {@code labelled} graph of the Alembic target data), on both databases: the
 * revisions it applies or reverts, or its refusal, are what the table's last column says.
 */
class ReadmeTargetsTest {

  private static final Path README = Path.of(System.getProperty("basedir", "."), "../README.md");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @TempDir Path dir;

  private final Map<TestDatabase, String> urls = new EnumMap<>(TestDatabase.class);

  private String created(TestDatabase db) {
    try {
      String url = db.freshUrl(dir);
      TestDatabase.execute(
          url, "CREATE TABLE log (direction VARCHAR(8) NOT NULL, revision VARCHAR(255) NOT NULL)");
      return url;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One row of the table: {@code example} as typed, and what the README says it does. */
  private record Example(String command, String does) {

    List<String> args() {
      return Arrays.asList(command.split(" "));
    }

    /** The ids the last column names, in backticks. */
    Set<String> ids() {
      return Set.copyOf(codes(does));
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyExampleDoesWhatTheTableSays() throws Exception {
    List<Example> examples = examples();
    assertEquals(17, examples.size(), "the README's target table: " + examples);
    MigrationRegistry registry = RegistryCompiler.compile(dir.resolve("labelled"), specs());
    return Stream.of(TestDatabase.values())
        .map(
            db ->
                DynamicContainer.dynamicContainer(
                    db.name().toLowerCase(java.util.Locale.ROOT),
                    examples.stream()
                        .map(
                            e ->
                                DynamicTest.dynamicTest(e.command(), () -> run(registry, db, e)))));
  }

  private void run(MigrationRegistry registry, TestDatabase db, Example example) throws Exception {
    String url = urls.computeIfAbsent(db, this::created);
    // Each example starts from nothing, in the one database of its kind.
    TestDatabase.execute(
        url,
        "DROP TABLE IF EXISTS retort_version",
        "DROP TABLE IF EXISTS retort_version_history",
        "DELETE FROM log");
    if (example.command().startsWith("downgrade")) {
      assertEquals(0, cli(registry, url, List.of("upgrade", "heads")).exit());
      TestDatabase.execute(url, "DELETE FROM log");
    }
    Result result = cli(registry, url, example.args());
    String does = example.does();
    if (does.startsWith("refused")) {
      assertEquals(1, result.exit(), result.out());
      for (String id : example.ids()) assertTrue(result.err().contains(id), result.err());
      assertEquals(List.of(), TestDatabase.column(url, "SELECT revision FROM log"));
      return;
    }
    assertEquals(0, result.exit(), result.err());
    String direction = does.startsWith("applies") ? "up" : "down";
    List<String> ran =
        example.args().contains("--sql")
            ? scripted(result.out(), direction)
            : TestDatabase.column(
                url, "SELECT revision FROM log WHERE direction = '" + direction + "'");
    assertEquals(example.ids(), Set.copyOf(ran), does);
    assertEquals(example.ids().size(), ran.size(), "each once: " + ran);
  }

  /** The revisions an offline script runs, from its {@code -- up ID: ...} comments. */
  private static List<String> scripted(String script, String direction) {
    return script
        .lines()
        .filter(line -> line.startsWith("-- " + direction + " "))
        .map(line -> line.substring(direction.length() + 4, line.indexOf(':')))
        .toList();
  }

  private record Result(int exit, String out, String err) {}

  private static Result cli(MigrationRegistry registry, String url, List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new RetortCli(
                registry,
                url,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of())
            .run(args.toArray(String[]::new));
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<RevisionSpec> specs() {
    TargetGraph labelled =
        TargetConformance.graphs().stream()
            .filter(g -> g.name().equals("labelled"))
            .findFirst()
            .orElseThrow();
    return labelled.revisions().stream().map(RevisionSpec::logging).toList();
  }

  /** The rows of the table under "### Targets", each with its example and what it does. */
  private static List<Example> examples() throws Exception {
    String readme = Files.readString(README);
    String section = readme.substring(readme.indexOf("\n### Targets\n"));
    section = section.substring(0, section.indexOf("\n## "));
    List<Example> examples = new ArrayList<>();
    for (String line : section.lines().toList()) {
      if (!line.startsWith("| ") || line.startsWith("| form |")) continue;
      String[] cells = line.split(" \\| ");
      if (cells.length != 4) continue;
      List<String> example = codes(cells[2]);
      assertEquals(1, example.size(), line);
      examples.add(new Example(example.get(0), cells[3].replaceFirst(" \\|$", "")));
    }
    return examples;
  }

  private static List<String> codes(String text) {
    List<String> codes = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) codes.add(m.group(1));
    return codes;
  }
}
