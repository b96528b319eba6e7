package dev.retort.processor.model;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
 *   <li>javac's tree API, when the processor has javac's own environment, or a wrapper that keeps
 *       it in a field, as Gradle's incremental processing does;
 *   <li>{@code Elements.getFileObjectOf}, which the Eclipse compiler has, and javac from Java 18
 *       (called by name, since the processor compiles against Java 17);
 *   <li>the source path, through the {@link Filer}: the file {@code Name.java} of the outermost
 *       class in its package folder. This is what finds a class that the build tool passes by name
 *       and the compiler reads from a class file (Gradle's incremental compile does), and the
 *       sources under the Eclipse compiler on Java 17; it needs a source path, which Maven gives
 *       javac.
 * </ol>
 *
 * <p>Each route yields the whole file; {@link TypeSpan} finds the class in it, so that every route
 * gives the same checksum.
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

  /**
   * Whether the compiler says it read {@code type} from a class file: a class passed by name, as
   * Gradle passes the unchanged ones. False when it cannot tell.
   */
  boolean fromClassFile(TypeElement type) {
    if (trees != null) {
      try {
        return trees.getPath(type) == null;
      } catch (RuntimeException notJavacs) {
        // not javac's element: ask Elements
      }
    }
    return fileObject(type).map(f -> f.getName().endsWith(".class")).orElse(false);
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
    return fileObject(type).filter(f -> f.getName().endsWith(".java")).flatMap(SourceFiles::read);
  }

  /** The file {@code Elements.getFileObjectOf} gives for {@code type}, if it gives one. */
  private Optional<FileObject> fileObject(TypeElement type) {
    if (fileObjectOf == null) return Optional.empty();
    try {
      Object file = fileObjectOf.invoke(elements, (Element) type);
      return file instanceof FileObject f ? Optional.of(f) : Optional.empty();
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

  /**
   * javac's trees, from its environment or from the one a build tool's wrapper keeps: Gradle hands
   * processors an environment of its own that holds javac's in a field, and the tree API accepts
   * only javac's.
   */
  private static Trees treesOrNull(ProcessingEnvironment env) {
    for (int depth = 0; env != null && depth < 3; depth++, env = wrapped(env)) {
      try {
        return Trees.instance(env);
      } catch (IllegalArgumentException | LinkageError notJavacs) {
        // not javac's environment: perhaps a wrapper of it
      }
    }
    return null;
  }

  /** The environment a wrapper keeps in a field of its own, if it keeps one. */
  private static ProcessingEnvironment wrapped(ProcessingEnvironment wrapper) {
    for (Field field : wrapper.getClass().getDeclaredFields()) {
      if (ProcessingEnvironment.class.isAssignableFrom(field.getType())
          && !Modifier.isStatic(field.getModifiers())) {
        try {
          field.setAccessible(true);
          return (ProcessingEnvironment) field.get(wrapper);
        } catch (ReflectiveOperationException | RuntimeException closed) {
          return null;
        }
      }
    }
    return null;
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
