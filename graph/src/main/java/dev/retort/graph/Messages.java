package dev.retort.graph;

import dev.retort.graph.GraphProblem.EdgeKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The texts of graph problems, shared by the compiler and the runtime. Each starts with a stable
 * key such as {@code [Retort/Cycle]}, names the ids involved and says what to do.
 */
public final class Messages {

  /** The key of {@link GraphProblem.DuplicateId}. */
  public static final String DUPLICATE_ID = "DuplicateId";

  /** The key of {@link GraphProblem.MalformedId}. */
  public static final String MALFORMED_ID = "MalformedId";

  /** The key of {@link GraphProblem.MissingRevision}. */
  public static final String MISSING_REVISION = "MissingRevision";

  /** The key of {@link GraphProblem.Cycle}. */
  public static final String CYCLE = "Cycle";

  /** The key of {@link GraphProblem.MalformedLabel}. */
  public static final String MALFORMED_LABEL = "MalformedLabel";

  /** The key of {@link GraphProblem.DuplicateLabel}. */
  public static final String DUPLICATE_LABEL = "DuplicateLabel";

  /** The key of {@link #multipleHeads}. */
  public static final String MULTIPLE_HEADS = "MultipleHeads";

  private Messages() {}

  /** {@code [Retort/KEY] }: how every message of the graph starts. */
  private static String keyed(String key) {
    return "[Retort/" + key + "] ";
  }

  static String duplicateId(String id, List<String> origins) {
    boolean named = origins.stream().noneMatch(String::isEmpty);
    return keyed(DUPLICATE_ID)
        + "revision id '"
        + id
        + "' is declared "
        + origins.size()
        + " times"
        + (named ? " (by " + String.join(", ", origins) + ")" : "")
        + "; ids must be unique: give each revision its own id";
  }

  static String malformedId(String id, String reason) {
    return keyed(MALFORMED_ID)
        + "revision id '"
        + RevisionIds.shown(id)
        + "' "
        + reason
        + "; use at most "
        + RevisionIds.MAX_LENGTH
        + " letters, digits, '_', '.' or '-' (not leading)";
  }

  static String missingRevision(
      String revision, EdgeKind kind, String missing, List<String> suggestions) {
    String hint =
        suggestions.isEmpty()
            ? "declare a revision with that id or remove it from " + kind.attribute()
            : "did you mean " + quoteAll(suggestions, " or ") + "?";
    return keyed(MISSING_REVISION)
        + "revision '"
        + revision
        + "' "
        + (kind == EdgeKind.REVISES ? "revises" : "depends on")
        + " '"
        + missing
        + "', which no revision declares; "
        + hint;
  }

  static String cycle(List<String> path) {
    return keyed(CYCLE)
        + "revisions form a cycle: "
        + String.join(" -> ", path)
        + " (each revises or depends on the next); remove one of these edges";
  }

  static String malformedLabel(String revision, String label, String reason) {
    return keyed(MALFORMED_LABEL)
        + "branch label '"
        + RevisionIds.shown(label)
        + "' of revision '"
        + revision
        + "' "
        + reason
        + "; rename the label (letters, digits, '_', '.' or '-')";
  }

  static String duplicateLabel(String label, List<String> owners) {
    return keyed(DUPLICATE_LABEL)
        + "branch label '"
        + label
        + "' is declared by "
        + quoteAll(owners, " and ")
        + "; a label names one branch: rename all but one";
  }

  /**
   * The message for a graph with several heads that are not each on their own labelled branch.
   *
   * @param heads every head, sorted
   */
  public static String multipleHeads(List<String> heads) {
    return keyed(MULTIPLE_HEADS)
        + "the revision graph has "
        + heads.size()
        + " heads: "
        + quoteAll(heads, ", ")
        + "; merge them with a new revision: @Revision(id = \"...\", revises = {"
        + heads.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(", "))
        + "}), or give each head its own branch label if the branches are meant to stay apart";
  }

  private static String quoteAll(List<String> ids, String separator) {
    return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(separator));
  }
}
