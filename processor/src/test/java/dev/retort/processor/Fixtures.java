package dev.retort.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.Migration;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/** Compiles fixtures with the Retort processor, and writes the boilerplate of valid revisions. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * The Retort API (dev.retort), as a jar or a folder: the only class path a fixture needs. A short
   * class path keeps each of the suite's several hundred compilations quick, and shows that
   * generated code needs nothing else.
   */
  private static final File API = locationOf(Migration.class);

  /** The Retort API's jar or folder, for a compilation that sets its own class path. */
  public static File api() {
    return API;
  }

  /** javac with a fresh {@link RevisionProcessor}, compiling against the Retort API only. */
  public static Compiler javac() {
    return Compiler.javac().withProcessors(new RevisionProcessor()).withClasspath(List.of(API));
  }

  private static File locationOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + type, e);
    }
  }

  /** Compiles {@code sources} with the processor and no options. */
  public static Compilation compile(JavaFileObject... sources) {
    return javac().compile(sources);
  }

  /** Compiles {@code sources} with the processor and {@code options}. */
  public static Compilation compile(List<String> options, JavaFileObject... sources) {
    return javac().withOptions(options).compile(sources);
  }

  /** A source file; {@code qualifiedName} names its top-level class. */
  public static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /**
   * A valid, reversible, public revision class, for the revisions a fixture needs around the one
   * that breaks a rule.
   */
  public static JavaFileObject revision(String qualifiedName, String id, String... revises) {
    String text =
        packageLine(qualifiedName)
            + """
            import dev.retort.Migration;
            import dev.retort.MigrationContext;
            import dev.retort.Revision;

            @Revision(id = "%s", revises = {%s})
            public class %s implements Migration {
              @Override
              public void upgrade(MigrationContext ctx) {}

              @Override
              public void downgrade(MigrationContext ctx) {}
            }
            """
                .formatted(id, quoted(revises), simpleName(qualifiedName));
    return source(qualifiedName, text);
  }

  /** A valid revision, like {@link #revision}, that starts a branch labelled {@code label}. */
  public static JavaFileObject labelled(
      String qualifiedName, String id, String revises, String label) {
    return source(
        qualifiedName,
        packageLine(qualifiedName)
            + """
            import dev.retort.*;

            @Revision(id = "%s", revises = "%s", branchLabels = "%s")
            public class %s implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """
                .formatted(id, revises, label, simpleName(qualifiedName)));
  }

  private static String packageLine(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    return dot < 0 ? "" : "package " + qualifiedName.substring(0, dot) + ";\n\n";
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  /** {@code "a", "b"}: the ids as the body of an annotation array. */
  public static String quoted(String... ids) {
    return Arrays.stream(ids).map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
  }
}
