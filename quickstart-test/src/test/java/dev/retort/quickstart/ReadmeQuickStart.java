package dev.retort.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a quick-start section of the README ("Quick start in your project" unless
 * another is named), verbatim: the pom.xml, the Java sources, the application properties and the
 * shell commands. Any other number of blocks fails, so that the README and the test cannot drift
 * apart.
 */
final class ReadmeQuickStart {

  static final String HEADING = "## Quick start in your project\n";

  private static final Pattern FENCE =
      Pattern.compile("^```(\\w+)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);$", Pattern.MULTILINE);
  private static final Pattern CLASS =
      Pattern.compile("^public (?:final )?class (\\w+)", Pattern.MULTILINE);

  final String pom;
  final List<String> javaSources;
  final List<String> properties;
  final List<String> commands;

  private ReadmeQuickStart(
      String pom, List<String> javaSources, List<String> properties, List<String> commands) {
    this.pom = pom;
    this.javaSources = javaSources;
    this.properties = properties;
    this.commands = commands;
  }

  static ReadmeQuickStart read(Path readme) throws IOException {
    return read(readme, HEADING, 2, 0);
  }

  /** The section under {@code heading}, with that many Java and properties blocks. */
  static ReadmeQuickStart read(Path readme, String heading, int javaBlocks, int propertiesBlocks)
      throws IOException {
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(heading);
    if (start < 0) throw new AssertionError("README.md has no section " + heading.strip());
    int end = text.indexOf("\n## ", start + heading.length());
    String section = text.substring(start, end < 0 ? text.length() : end);
    List<String> xml = new ArrayList<>();
    List<String> java = new ArrayList<>();
    List<String> properties = new ArrayList<>();
    List<String> sh = new ArrayList<>();
    Matcher m = FENCE.matcher(section);
    while (m.find()) {
      switch (m.group(1)) {
        case "xml" -> xml.add(m.group(2));
        case "java" -> java.add(m.group(2));
        case "properties" -> properties.add(m.group(2));
        case "sh" -> sh.add(m.group(2));
        default ->
            throw new AssertionError("unexpected ```" + m.group(1) + " block in the quick start");
      }
    }
    if (xml.size() != 1
        || java.size() != javaBlocks
        || properties.size() != propertiesBlocks
        || sh.size() != 1) {
      throw new AssertionError(
          String.format(
              "the quick start should have 1 xml, %d java, %d properties and 1 sh block, not %d,"
                  + " %d, %d and %d",
              javaBlocks, propertiesBlocks, xml.size(), java.size(), properties.size(), sh.size()));
    }
    List<String> commands =
        sh.get(0).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    return new ReadmeQuickStart(xml.get(0), List.copyOf(java), List.copyOf(properties), commands);
  }

  /** The command that builds the quick start, split into words: the first, a {@code mvn}. */
  List<String> buildCommand() {
    return command(0, "mvn");
  }

  /** The command that runs the application, split into words: the second, a {@code java}. */
  List<String> runCommand() {
    return command(1, "java");
  }

  private List<String> command(int index, String program) {
    if (commands.size() != 2) {
      throw new AssertionError("the quick start should have 2 commands, not " + commands);
    }
    List<String> words = words(commands.get(index));
    if (!words.get(0).equals(program)) {
      throw new AssertionError("command " + (index + 1) + " should run " + program + ": " + words);
    }
    return words;
  }

  /** Where a source goes in a Maven project: src/main/java/PACKAGE/CLASS.java. */
  static Path sourcePath(String source) {
    Matcher pkg = PACKAGE.matcher(source);
    Matcher cls = CLASS.matcher(source);
    if (!pkg.find() || !cls.find()) {
      throw new AssertionError(
          "a quick-start Java block without a package or public class:\n" + source);
    }
    return Path.of("src/main/java", pkg.group(1).replace('.', '/'), cls.group(1) + ".java");
  }

  /**
   * A command line split as a POSIX shell splits it, for the plain commands the README shows: words
   * apart at spaces, double quotes kept together and removed.
   */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : command.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) words.add(word.toString());
        word.setLength(0);
        any = false;
      } else if ("$`\\'|&;<>*?".indexOf(c) >= 0 && !quoted) {
        throw new AssertionError("the test runs plain commands only, not: " + command);
      } else {
        word.append(c);
        any = true;
      }
    }
    if (quoted) throw new AssertionError("unbalanced quote in: " + command);
    if (any) words.add(word.toString());
    return words;
  }
}
