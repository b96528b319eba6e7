package dev.retort.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/** The Java source of a test revision: one public class per {@link RevisionSpec}. */
public final class RevisionSources {

  private RevisionSources() {}

  /** {@code Revision<index>}: the class name {@link RegistryCompiler} gives the index-th spec. */
  public static String className(int index) {
    return "Revision" + index;
  }

  /** One in-memory source per spec, in package {@code pkg}, named by {@link #className}. */
  public static List<JavaFileObject> sources(String pkg, List<RevisionSpec> revisions) {
    List<JavaFileObject> sources = new ArrayList<>(revisions.size());
    for (int i = 0; i < revisions.size(); i++) {
      sources.add(source(pkg, className(i), revisions.get(i)));
    }
    return sources;
  }

  /** The source of class {@code pkg.className}, in memory. */
  public static JavaFileObject source(String pkg, String className, RevisionSpec revision) {
    String code = render(pkg, className, revision);
    String path = pkg.replace('.', '/') + "/" + className + ".java";
    return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }

  /**
   * The text of class {@code pkg.className}: the whole {@code @Revision} on one line (tests find
   * diagnostics on it), {@code @Irreversible} when the spec has no downgrade.
   */
  public static String render(String pkg, String className, RevisionSpec r) {
    StringBuilder java = new StringBuilder();
    java.append("package ").append(pkg).append(";\n\n");
    java.append("import dev.retort.*;\n\n");
    java.append("@Revision(id = ").append(literal(r.id()));
    java.append(", revises = ").append(array(r.revises()));
    java.append(", dependsOn = ").append(array(r.dependsOn()));
    java.append(", branchLabels = ").append(array(r.branchLabels()));
    java.append(", description = ").append(literal("revision " + r.id()));
    java.append(", transactional = ").append(r.transactional()).append(")\n");
    if (r.downgrade() == null) java.append("@Irreversible(\"test revision without downgrade\")\n");
    java.append("public final class ").append(className).append(" implements Migration {\n");
    java.append("  @Override public void upgrade(MigrationContext ctx) throws Exception {\n    ");
    java.append(r.upgrade()).append("\n  }\n");
    if (r.downgrade() != null) {
      java.append(
          "  @Override public void downgrade(MigrationContext ctx) throws Exception {\n    ");
      java.append(r.downgrade()).append("\n  }\n");
    }
    return java.append("}\n").toString();
  }

  /** A Java string literal of {@code value}, whatever characters it holds. */
  public static String literal(String value) {
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

  private static String array(List<String> items) {
    return items.stream().map(RevisionSources::literal).collect(Collectors.joining(", ", "{", "}"));
  }
}
