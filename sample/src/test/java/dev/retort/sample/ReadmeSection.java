package dev.retort.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A section of the repository's README and its fenced code blocks, for the tests that run them. */
final class ReadmeSection {

  private static final Pattern FENCE =
      Pattern.compile("^```(\\w*)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

  private final String text;

  private ReadmeSection(String text) {
    this.text = text;
  }

  /** The section under {@code ## heading}, up to the next section of that level. */
  static ReadmeSection read(String heading) throws IOException {
    // The sample's tests run in sample/; the README is the repository's.
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## " + heading + "\n");
    if (start < 0) throw new AssertionError("README.md has no section ## " + heading);
    int end = readme.indexOf("\n## ", start + 1);
    return new ReadmeSection(readme.substring(start, end < 0 ? readme.length() : end));
  }

  /** The contents of the blocks fenced as {@code language}, in order. */
  List<String> blocks(String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(language)) blocks.add(m.group(2));
    }
    return blocks;
  }

  /** The languages of every block, in order. */
  List<String> languages() {
    List<String> languages = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) languages.add(m.group(1));
    return languages;
  }
}
