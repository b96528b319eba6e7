package dev.retort.processor.model;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The text of the source file that declares a class, found by whichever route the compiler offers:
 *
 * <ol>
 *   <li>javac's tree API, when the processor has javac's own environment;
 *   <li>{@code Elements.getFileObjectOf}, which the Eclipse compiler has, and javac from Java 18
 *       (called by name, since the processor compiles against Java 17);
 *   <li>the source path, through the {@link Filer}: the file {@code Name.java} of the outermost
 *       class in its package folder. This is what finds a class that the build tool passes by name
 *       and the compiler reads from a class file (Gradle's incremental compile does), and what
 *       works when a build tool wraps the environment so that the tree API refuses it (Gradle
 *       does); it needs a source path, which Maven gives javac.
 * </ol>
 */
final class SourceFiles {

  private final Trees trees;
  private final Elements elements;
  private final Filer filer;
  private final MethodHandle fileObjectOf;

  SourceFiles(ProcessingEnvironment env) {
    this.trees = treesOrNull(env);
    this.elements = env.getElementUtils();
    this.filer = env.getFiler();
    this.fileObjectOf = fileObjectOfOrNull(elements);
  }

  /** The text of the file declaring {@code type}, or empty when no route finds it. */
  Optional<CharSequence> of(TypeElement type) {
    Optional<CharSequence> found = fromTrees(type);
    if (found.isEmpty()) found = fromElements(type);
    if (found.isEmpty()) found = fromSourcePath(type);
    return found;
  }

  private Optional<CharSequence> fromTrees(TypeElement type) {
    if (trees == null) return Optional.empty();
    try {
      TreePath path = trees.getPath(type);
      return path == null ? Optional.empty() : read(path.getCompilationUnit().getSourceFile());
    } catch (RuntimeException notJavacs) {
      return Optional.empty();
    }
  }

  private Optional<CharSequence> fromElements(TypeElement type) {
    if (fileObjectOf == null) return Optional.empty();
    try {
      Object file = fileObjectOf.invoke(elements, (Element) type);
      return file instanceof FileObject f && f.getName().endsWith(".java")
          ? read(f)
          : Optional.empty();
    } catch (Throwable unavailable) {
      return Optional.empty();
    }
  }

  private Optional<CharSequence> fromSourcePath(TypeElement type) {
    Element outermost = type;
    while (!(outermost.getEnclosingElement() instanceof PackageElement)) {
      outermost = outermost.getEnclosingElement();
    }
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    try {
      return read(
          filer.getResource(
              StandardLocation.SOURCE_PATH, pkg, outermost.getSimpleName() + ".java"));
    } catch (IOException | RuntimeException notOnTheSourcePath) {
      return Optional.empty();
    }
  }

  private static Optional<CharSequence> read(FileObject file) {
    try {
      return Optional.ofNullable(file.getCharContent(true));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static Trees treesOrNull(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavacs) {
      return null;
    }
  }

  /**
   * {@code Elements.getFileObjectOf}, looked up as a method handle: listing the methods of the
   * Eclipse compiler's {@code Elements} by reflection fails on Java 17, since some name types of
   * later versions.
   */
  private static MethodHandle fileObjectOfOrNull(Elements elements) {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(
              elements.getClass(),
              "getFileObjectOf",
              MethodType.methodType(JavaFileObject.class, Element.class));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError absent) {
      return null;
    }
  }
}
