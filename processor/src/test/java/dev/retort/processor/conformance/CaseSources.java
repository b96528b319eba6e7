package dev.retort.processor.conformance;

import dev.retort.processor.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/** One source file per revision of a case, in package {@code conformance}. */
final class CaseSources {

  static final String PACKAGE = "conformance";
  static final String REGISTRY = PACKAGE + ".RetortMigrations";

  private CaseSources() {}

  /** The sources, in the case's order: element {@code i} declares revision {@code i}. */
  static List<JavaFileObject> of(ConformanceCase c) {
    List<JavaFileObject> sources = new ArrayList<>(c.revisions().size());
    for (int i = 0; i < c.revisions().size(); i++) {
      ConformanceCase.Rev rev = c.revisions().get(i);
      String className = className(i, rev.id());
      String text =
          """
          package %s;

          import dev.retort.Migration;
          import dev.retort.MigrationContext;
          import dev.retort.Revision;

          @Revision(id = %s, revises = {%s}, dependsOn = {%s}, branchLabels = {%s})
          public final class %s implements Migration {
            @Override
            public void upgrade(MigrationContext ctx) throws Exception {
              ctx.execute("-- up %s");
            }

            @Override
            public void downgrade(MigrationContext ctx) throws Exception {
              ctx.execute("-- down %s");
            }
          }
          """
              .formatted(
                  PACKAGE,
                  literal(rev.id()),
                  literals(rev.revises()),
                  literals(rev.dependsOn()),
                  literals(rev.branchLabels()),
                  className,
                  className,
                  className);
      sources.add(Fixtures.source(PACKAGE + "." + className, text));
    }
    return sources;
  }

  /**
   * {@code R007_a1f3}: the position keeps names unique even for duplicate ids and sorts them in
   * load order; any character that cannot be in a Java name becomes {@code _xHHHH}.
   */
  static String className(int index, String id) {
    StringBuilder name = new StringBuilder(String.format("R%03d_", index));
    for (char ch : id.toCharArray()) {
      if (Character.isJavaIdentifierPart(ch) && ch != '$') {
        name.append(ch);
      } else {
        name.append(String.format("_x%04x", (int) ch));
      }
    }
    return name.toString();
  }

  private static String literals(List<String> values) {
    return values.stream().map(CaseSources::literal).collect(Collectors.joining(", "));
  }

  private static String literal(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : value.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20) {
        // Octal, not a unicode escape: javac decodes those before it even lexes the literal.
        out.append(String.format("\\%03o", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }
}
