package dev.retort.processor.conformance;

import dev.retort.processor.Fixtures;
import dev.retort.testkit.ConformanceCase;
import dev.retort.testkit.Node;
import dev.retort.testkit.RevisionSources;
import dev.retort.testkit.RevisionSpec;
import java.util.ArrayList;
import java.util.List;
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
      Node rev = c.revisions().get(i);
      String className = className(i, rev.id());
      String text = RevisionSources.render(PACKAGE, className, RevisionSpec.empty(rev));
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
}
