package dev.retort.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * The SHA-256 of a class's own source text, from its first annotation to its closing brace, with
 * line endings normalized to {@code \n} so that a checkout on another platform gives the same sum.
 * Returns an empty string when the source is not available (a compiler other than javac, or a class
 * read from a class file); the runtime then skips drift detection for that revision.
 */
final class SourceChecksum {

  private final Trees trees;

  SourceChecksum(ProcessingEnvironment env) {
    this.trees = treesOrNull(env);
  }

  private static Trees treesOrNull(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  String of(TypeElement type) {
    if (trees == null) return "";
    try {
      TreePath path = trees.getPath(type);
      if (path == null) return "";
      CompilationUnitTree unit = path.getCompilationUnit();
      Tree tree = path.getLeaf();
      SourcePositions positions = trees.getSourcePositions();
      long start = positions.getStartPosition(unit, tree);
      long end = positions.getEndPosition(unit, tree);
      CharSequence text = unit.getSourceFile().getCharContent(true);
      if (start < 0 || end > text.length() || start >= end) return "";
      String source = text.subSequence((int) start, (int) end).toString().replace("\r\n", "\n");
      return sha256(source);
    } catch (IOException | RuntimeException unavailable) {
      return "";
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform has SHA-256", impossible);
    }
  }
}
