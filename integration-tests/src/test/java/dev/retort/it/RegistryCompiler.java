package dev.retort.it;

import dev.retort.MigrationRegistry;
import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a test graph with javac and the real Retort processor, exactly as a user's build would,
 * and loads the generated registry. Test code only: loading a class compiled at test time needs a
 * class loader and a method handle, which the runtime itself never uses.
 */
public final class RegistryCompiler {

  private static final String PACKAGE = "it.generated";

  private RegistryCompiler() {}

  /** The registry of {@code revisions}, compiled into {@code workDir}. */
  public static MigrationRegistry compile(Path workDir, List<RevisionSpec> revisions) {
    return compile(workDir, PACKAGE, revisions);
  }

  /** The registry of {@code revisions} in package {@code pkg}, compiled into {@code workDir}. */
  public static MigrationRegistry compile(Path workDir, String pkg, List<RevisionSpec> revisions) {
    String registryName = pkg + ".Registry";
    try {
      Path classes = Files.createDirectories(workDir.resolve("classes"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      StringWriter diagnostics = new StringWriter();
      try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
        files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
        files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(classes.toFile()));
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
          sources.add(source(pkg, className(i), render(pkg, className(i), revisions.get(i))));
        }
        JavaCompiler.CompilationTask task =
            javac.getTask(
                diagnostics,
                files,
                null,
                List.of(
                    "--release",
                    "17",
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-Aretort.registry=" + registryName,
                    "-Aretort.multipleHeads=warn",
                    "-Xlint:-options"),
                null,
                sources);
        task.setProcessors(List.of(new RevisionProcessor()));
        if (!task.call()) {
          throw new AssertionError("the test graph did not compile:\n" + diagnostics);
        }
      }
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {classes.toUri().toURL()}, RegistryCompiler.class.getClassLoader());
      Class<?> registry = loader.loadClass(registryName);
      return (MigrationRegistry)
          MethodHandles.publicLookup()
              .findStatic(registry, "registry", MethodType.methodType(MigrationRegistry.class))
              .invoke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Throwable e) {
      if (e instanceof AssertionError a) throw a;
      throw new AssertionError("could not load the generated registry", e);
    }
  }

  static String className(int index) {
    return "Revision" + index;
  }

  private static String render(String pkg, String className, RevisionSpec r) {
    StringBuilder java = new StringBuilder();
    java.append("package ").append(pkg).append(";\n\n");
    java.append("import dev.retort.*;\n\n");
    java.append("@Revision(id = ").append(quote(r.id()));
    java.append(", revises = ").append(array(r.revises()));
    java.append(", dependsOn = ").append(array(r.dependsOn()));
    java.append(", branchLabels = ").append(array(r.branchLabels()));
    java.append(", description = ").append(quote("revision " + r.id()));
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

  private static String array(List<String> items) {
    return items.stream().map(RegistryCompiler::quote).collect(Collectors.joining(", ", "{", "}"));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static JavaFileObject source(String pkg, String className, String code) {
    String path = pkg.replace('.', '/') + "/" + className + ".java";
    return new SimpleJavaFileObject(
        java.net.URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }
}
