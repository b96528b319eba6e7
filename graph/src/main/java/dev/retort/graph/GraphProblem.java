package dev.retort.graph;

import java.util.List;

/**
 * A structural defect of a revision graph, found by {@link GraphCheck}. Each names the revision it
 * belongs to, so that a compiler can pin it to that revision's class.
 */
public sealed interface GraphProblem {

  /** The position, in the list given to {@link GraphCheck}, of the revision reported on. */
  int node();

  /** The id of the revision the problem is reported on. */
  String revision();

  /**
   * The stable key its message starts with: {@code Cycle} for {@code [Retort/Cycle] ...}. A
   * compiler looks its diagnostic up by it.
   */
  String key();

  /** The problem as one line for a person, with what to do about it. */
  String message();

  /** Which list of a revision an edge comes from. */
  enum EdgeKind {
    REVISES("revises"),
    DEPENDS_ON("dependsOn");

    private final String attribute;

    EdgeKind(String attribute) {
      this.attribute = attribute;
    }

    /** The {@code @Revision} attribute that holds edges of this kind. */
    public String attribute() {
      return attribute;
    }
  }

  /**
   * Two or more revisions share an id; reported on every occurrence after the first.
   *
   * @param node the position of this occurrence
   * @param revision the duplicated id
   * @param origins where each occurrence comes from, in order
   */
  record DuplicateId(int node, String revision, List<String> origins) implements GraphProblem {
    @Override
    public String key() {
      return Messages.DUPLICATE_ID;
    }

    @Override
    public String message() {
      return Messages.duplicateId(revision, origins);
    }
  }

  /**
   * An id that breaks the id rules.
   *
   * @param node the position of the revision
   * @param revision the id
   * @param reason what is wrong with it
   */
  record MalformedId(int node, String revision, String reason) implements GraphProblem {
    @Override
    public String key() {
      return Messages.MALFORMED_ID;
    }

    @Override
    public String message() {
      return Messages.malformedId(revision, reason);
    }
  }

  /**
   * An edge to an id that no revision declares.
   *
   * @param node the position of the revision holding the edge
   * @param revision the revision holding the edge
   * @param kind which list holds it
   * @param missing the undeclared id
   * @param suggestions declared ids close to it, nearest first
   */
  record MissingRevision(
      int node, String revision, EdgeKind kind, String missing, List<String> suggestions)
      implements GraphProblem {
    @Override
    public String key() {
      return Messages.MISSING_REVISION;
    }

    @Override
    public String message() {
      return Messages.missingRevision(revision, kind, missing, suggestions);
    }
  }

  /**
   * A cycle through revises and dependsOn edges, reported on its smallest id.
   *
   * @param node the position of the revision with the smallest id
   * @param revision the smallest id on the cycle, where the path starts
   * @param path the ids along the cycle, each revising or depending on the next, starting and
   *     ending with {@code revision}
   * @param kind the kind of the first edge of the path, the one the report points at
   */
  record Cycle(int node, String revision, List<String> path, EdgeKind kind)
      implements GraphProblem {
    @Override
    public String key() {
      return Messages.CYCLE;
    }

    @Override
    public String message() {
      return Messages.cycle(path);
    }
  }

  /**
   * A branch label that breaks the id rules or equals a revision id.
   *
   * @param node the position of the revision declaring it
   * @param revision the revision declaring it
   * @param label the label
   * @param reason what is wrong with it
   */
  record MalformedLabel(int node, String revision, String label, String reason)
      implements GraphProblem {
    @Override
    public String key() {
      return Messages.MALFORMED_LABEL;
    }

    @Override
    public String message() {
      return Messages.malformedLabel(revision, label, reason);
    }
  }

  /**
   * A branch label declared by more than one revision; reported on every declaration after the
   * first.
   *
   * @param node the position of the revision
   * @param revision a revision declaring the label
   * @param label the label
   * @param owners every revision declaring it, sorted
   */
  record DuplicateLabel(int node, String revision, String label, List<String> owners)
      implements GraphProblem {
    @Override
    public String key() {
      return Messages.DUPLICATE_LABEL;
    }

    @Override
    public String message() {
      return Messages.duplicateLabel(label, owners);
    }
  }
}
