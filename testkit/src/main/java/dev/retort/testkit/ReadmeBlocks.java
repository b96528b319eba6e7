package dev.retort.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of the project's README, found by the words before them, so that tests run
 * what the README shows rather than a copy of it that could drift.
 */
public final class ReadmeBlocks {

  /** One fenced block: its info string ({@code sh}, {@code java}, or empty) and its text. */
  public record Block(String info, String text) {

    /** The block's non-blank lines, stripped, with {@code \}-continued lines joined. */
    public List<String> commands() {
      List<String> commands = new ArrayList<>();
      StringBuilder pending = new StringBuilder();
      for (String line : text.lines().map(String::strip).toList()) {
        if (line.isEmpty()) continue;
        if (line.endsWith("\\")) {
          pending.append(line, 0, line.length() - 1);
        } else {
          commands.add(pending.append(line).toString().replaceAll("\\s+", " "));
          pending.setLength(0);
        }
      }
      return commands;
    }
  }

  private static final Pattern FENCE =
      Pattern.compile("^```(\\w*)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

  private final String text;

  private ReadmeBlocks(String text) {
    this.text = text;
  }

  /** The README of the checkout the tests run in: the nearest README.md above the module. */
  public static ReadmeBlocks load() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path readme = dir.resolve("README.md");
      if (Files.isRegularFile(readme) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        try {
          return new ReadmeBlocks(Files.readString(readme, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
  }

  /** The first block after the first occurrence of {@code words}; fails when there is none. */
  public Block after(String words) {
    int at = text.indexOf(words);
    if (at < 0) throw new AssertionError("README.md no longer says: " + words);
    Matcher m = FENCE.matcher(text);
    if (!m.find(at + words.length())) throw new AssertionError("no code block after: " + words);
    return new Block(m.group(1), m.group(2));
  }
}
