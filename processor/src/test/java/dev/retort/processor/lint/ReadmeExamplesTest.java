package dev.retort.processor.lint;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** Each statement the README's table of safety checks shows fires the rule of its row. */
class ReadmeExamplesTest {

  private static final String SECTION = "### PostgreSQL safety checks";

  /** A row: key, kind, and the column of statements that fire it. */
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| (\\w+) \\| ([^|]+) \\|");

  private static final Pattern STATEMENT =
      Pattern.compile("`((?:CREATE|DROP|ALTER|TRUNCATE|REINDEX) [^`]+)`");

  @Test
  void everyStatementShownFiresItsRule() throws IOException {
    List<String> checked = new ArrayList<>();
    for (String line : section().split("\n")) {
      Matcher row = ROW.matcher(line);
      if (!row.find()) continue;
      Diagnostic.Kind kind = Diagnostic.Kind.valueOf(row.group(2).toUpperCase(Locale.ROOT));
      Matcher statement = STATEMENT.matcher(row.group(3));
      while (statement.find()) {
        String sql = statement.group(1);
        LintFixture.upgrade(sql).reportsOnly(kind, "[Retort/" + row.group(1) + "] ", sql);
        checked.add(row.group(1));
      }
    }
    assertThat(checked)
        .containsAtLeastElementsIn(SafetyRules.RULES.stream().map(m -> m.key()).toList());
  }

  private static String section() throws IOException {
    String text = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int start = text.indexOf(SECTION);
    assertThat(start).isAtLeast(0);
    return text.substring(start, text.indexOf("\n#", start + SECTION.length()));
  }
}
