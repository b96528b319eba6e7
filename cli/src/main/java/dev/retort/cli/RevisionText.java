package dev.retort.cli;

import dev.retort.RevisionInfo;
import dev.retort.runtime.GraphView;
import java.util.Collection;
import java.util.List;

/** Revisions as Alembic's command line prints them. */
final class RevisionText {

  private final GraphView view;

  RevisionText(GraphView view) {
    this.view = view;
  }

  private RevisionInfo info(String id) {
    return view.find(id).orElseThrow();
  }

  /** {@code current}: {@code id (head) (mergepoint)}. */
  String current(String id) {
    return id + headMarks(id) + treeMarks(id);
  }

  /** {@code heads}: {@code id (labels) (head)}. */
  String head(String id) {
    return id + labelMark(view.labels(id)) + headMarks(id);
  }

  /** {@code history}: {@code parent -> id (labels) (head) (branchpoint), description}. */
  String historyLine(String id) {
    RevisionInfo info = info(id);
    String parents = info.revises().isEmpty() ? "<base>" : String.join(", ", info.revises());
    if (!info.dependsOn().isEmpty()) parents += " (" + String.join(", ", info.dependsOn()) + ")";
    return parents
        + " -> "
        + id
        + labelMark(view.labels(id))
        + headMarks(id)
        + treeMarks(id)
        + (info.description().isEmpty() ? "" : ", " + info.description());
  }

  /** {@code branches}: a branch point, then one indented line per revision it branches into. */
  String branchPoint(String id) {
    StringBuilder text = new StringBuilder(id + labelMark(view.labels(id)) + headMarks(id));
    text.append(treeMarks(id)).append('\n');
    String indent = " ".repeat(id.length());
    for (String child : view.branchesInto(id)) {
      text.append(indent).append(" -> ").append(child).append(labelMark(view.labels(child)));
      text.append(headMarks(child)).append(treeMarks(child)).append('\n');
    }
    return text.toString();
  }

  /** A node of {@code history --graph}: {@code id (labels) (head) (mergepoint), description}. */
  String graphNode(String id) {
    RevisionInfo info = info(id);
    String depends =
        info.dependsOn().isEmpty()
            ? ""
            : " (depends on " + String.join(", ", info.dependsOn()) + ")";
    return decorated(id)
        + depends
        + (info.description().isEmpty() ? "" : ", " + info.description());
  }

  /**
   * The id with its marks, for pictures: like git's decorations, a label shows where it is declared
   * and on the head that ends its branch, not on every revision between.
   */
  String decorated(String id) {
    List<String> labels =
        view.isHead(id) ? view.labels(id) : info(id).branchLabels().stream().sorted().toList();
    return id + labelMark(labels) + headMarks(id) + treeMarks(id);
  }

  /** {@code show} and the verbose listings: everything about one revision. */
  String entry(String id) {
    RevisionInfo info = info(id);
    StringBuilder text = new StringBuilder("Rev: ").append(id).append(headMarks(id));
    text.append(treeMarks(id)).append('\n');
    String parents = info.revises().isEmpty() ? "<base>" : String.join(", ", info.revises());
    text.append(view.isMergePoint(id) ? "Merges: " : "Parent: ").append(parents).append('\n');
    if (!info.dependsOn().isEmpty()) {
      text.append("Also depends on: ").append(String.join(", ", info.dependsOn())).append('\n');
    }
    if (view.isBranchPoint(id)) {
      text.append("Branches into: ");
      text.append(String.join(", ", view.branchesInto(id))).append('\n');
    }
    if (!view.labels(id).isEmpty()) {
      text.append("Branch names: ").append(String.join(", ", view.labels(id))).append('\n');
    }
    text.append("Class: ").append(info.className()).append('\n');
    if (!info.transactional()) text.append("Transactional: no\n");
    if (!info.reversible()) {
      text.append("Irreversible: ").append(info.irreversibleReason()).append('\n');
    }
    if (!info.checksum().isEmpty()) text.append("Checksum: ").append(info.checksum()).append('\n');
    text.append('\n');
    if (!info.description().isEmpty()) text.append("    ").append(info.description()).append('\n');
    return text.toString();
  }

  private String headMarks(String id) {
    if (view.isRealHead(id)) return " (head)";
    if (view.isEffectiveHead(id)) return " (effective head)";
    return "";
  }

  private String treeMarks(String id) {
    return (view.isBranchPoint(id) ? " (branchpoint)" : "")
        + (view.isMergePoint(id) ? " (mergepoint)" : "");
  }

  private static String labelMark(Collection<String> labels) {
    return labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")";
  }
}
