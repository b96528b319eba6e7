package dev.retort.processor.lint;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.processor.Fixtures;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A revision class {@code p.Change} whose upgrade and downgrade each execute the given Java
 * expressions, one a line, compiled with the processor, and what its safety checks report.
 */
final class LintFixture {

  private final String annotations;
  private final String members;
  private final List<String> upgrade;
  private final List<String> downgrade;
  private final JavaFileObject source;

  private LintFixture(
      String annotations, String members, List<String> upgrade, List<String> downgrade) {
    this.annotations = annotations;
    this.members = members;
    this.upgrade = upgrade;
    this.downgrade = downgrade;
    this.source = Fixtures.source("p.Change", text());
  }

  /** A transactional revision executing the string literals {@code sql} in its upgrade. */
  static LintFixture upgrade(String... sql) {
    return new LintFixture("@Revision(id = \"a1\")", "", literals(sql), List.of());
  }

  /** The same revision with other annotations, such as {@code @Revision(id = "a1", ...)}. */
  LintFixture annotatedWith(String annotations) {
    return new LintFixture(annotations, members, upgrade, downgrade);
  }

  /** The same revision with the string literals {@code sql} executed in its downgrade. */
  LintFixture downgrade(String... sql) {
    return new LintFixture(annotations, members, upgrade, literals(sql));
  }

  /** A revision with {@code members} whose upgrade executes the Java expressions given. */
  static LintFixture upgradeExpressions(String members, String... expressions) {
    return new LintFixture("@Revision(id = \"a1\")", members, List.of(expressions), List.of());
  }

  JavaFileObject source() {
    return source;
  }

  Compilation compile(String... options) {
    return Fixtures.compile(List.of(options), source);
  }

  /**
   * Asserts that compiling with {@code options} reports one diagnostic, of {@code kind}, starting
   * with {@code text}, at the start of the string literal that begins with {@code sql}.
   */
  void reportsOnly(Diagnostic.Kind kind, String text, String sql, String... options) {
    List<Diagnostic<? extends JavaFileObject>> diagnostics =
        compile(options).diagnostics().stream()
            .filter(
                d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
            .toList();
    assertThat(diagnostics).hasSize(1);
    Diagnostic<? extends JavaFileObject> d = diagnostics.get(0);
    String argument = '"' + sql;
    assertThat(d.getKind()).isEqualTo(kind);
    assertThat(d.getMessage(null)).startsWith(text);
    String[] lines = text().split("\n", -1);
    int line = 0;
    while (!lines[line].contains(argument)) line++;
    assertThat(d.getLineNumber()).isEqualTo(line + 1);
    assertThat(d.getColumnNumber()).isEqualTo(lines[line].indexOf(argument) + 1);
    assertThat(d.getSource()).isEqualTo(source);
  }

  /**
   * Asserts that compiling reports nothing, under {@code -Xlint:all -Werror}: the processor claims
   * {@code @Accepted} too.
   */
  void isSilent() {
    assertThat(compile("-Xlint:all", "-Werror")).succeededWithoutWarnings();
  }

  private String text() {
    return """
    package p;

    import dev.retort.*;

    %s
    public class Change implements Migration {
      %s
      public void upgrade(MigrationContext ctx) throws Exception {
    %s  }

      public void downgrade(MigrationContext ctx) throws Exception {
    %s  }
    }
    """
        .formatted(annotations, members, calls(upgrade), calls(downgrade));
  }

  private static String calls(List<String> expressions) {
    StringBuilder body = new StringBuilder();
    for (String e : expressions) body.append("    ctx.execute(").append(e).append(");\n");
    return body.toString();
  }

  private static List<String> literals(String... sql) {
    List<String> literals = new ArrayList<>();
    for (String s : sql) literals.add('"' + s.replace("\"", "\\\"") + '"');
    return literals;
  }
}
