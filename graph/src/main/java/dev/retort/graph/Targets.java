package dev.retort.graph;

import dev.retort.graph.TargetException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the target of a command to revision ids, with Alembic's vocabulary: {@code head}, {@code
 * heads}, {@code base}, a full id, a unique id prefix, a branch label, {@code LABEL@head}, relative
 * {@code +N} / {@code -N} from the current revision and {@code ID+N} / {@code ID-N}.
 */
public final class Targets {

  private final RevisionGraph graph;

  /** The targets of {@code graph}. */
  public Targets(RevisionGraph graph) {
    this.graph = graph;
  }

  /**
   * The revisions an upgrade to {@code target} must reach, given the current version rows.
   *
   * @return the target revisions; empty for {@code base}
   */
  public List<String> upgradeTarget(String target, List<String> current) {
    requireGiven(target);
    Matcher relative = Relative.PATTERN.matcher(target);
    if (relative.matches() && (relative.group(2).equals("+") || !relative.group(1).isEmpty())) {
      return step(relative, target, current).map(List::of).orElse(List.of());
    }
    return switch (target) {
      case "heads" -> graph.heads();
      case "head" -> List.of(singleHead(graph.heads(), "head"));
      case "base" -> List.of();
      default -> List.of(revision(target));
    };
  }

  /**
   * The revision a downgrade to {@code target} keeps as its newest, given the current version rows.
   *
   * @return the revision, or empty for {@code base}
   */
  public Optional<String> downgradeTarget(String target, List<String> current) {
    requireGiven(target);
    Matcher relative = Relative.PATTERN.matcher(target);
    if (relative.matches()) {
      return step(relative, target, current);
    }
    if (target.equals("base")) return Optional.empty();
    return Optional.of(revision(target));
  }

  /**
   * The revisions of the history range {@code text}, in topological order: the descendants of FROM
   * (a revision; {@code base} or left out: every base) that are ancestors of TO (an upgrade target;
   * {@code heads} or left out: every head), both ends included. Text without a colon is FROM alone;
   * blank text is the whole graph.
   *
   * @throws TargetException when an end names no revision, or several
   */
  public List<String> range(String text) {
    if (text.isBlank()) return graph.order();
    Range range =
        text.indexOf(':') < 0 ? new Range(Optional.of(text), Optional.empty()) : Range.parse(text);
    List<String> ids = new ArrayList<>(graph.order());
    Optional<String> from = range.from().filter(f -> !f.equals("base"));
    if (from.isPresent()) {
      ids.retainAll(Set.copyOf(graph.descendants(List.of(revision(from.get())))));
    }
    Optional<String> to = range.to().filter(t -> !t.equals("heads"));
    if (to.isPresent()) {
      ids.retainAll(Set.copyOf(graph.ancestors(upgradeTarget(to.get(), List.of()))));
    }
    return ids;
  }

  /**
   * The version rows of a database upgraded from base to {@code target} and no further: the minimal
   * heads of what that applies; none for {@code base}. An offline script starts from these, since
   * it has no database to read them from.
   */
  public List<String> rowsAt(String target) {
    return graph.minimalHeads(upgradeTarget(target, List.of()));
  }

  /**
   * One revision named by id, unique prefix, branch label or {@code LABEL@head}.
   *
   * @throws TargetException when nothing or several revisions match
   */
  public String revision(String text) {
    requireGiven(text);
    if (graph.contains(text)) return text;
    int at = text.indexOf('@');
    if (at >= 0) {
      String label = text.substring(0, at);
      String rest = text.substring(at + 1);
      String owner = labelOwner(label);
      if (rest.equals("head")) {
        List<String> branchHeads =
            graph.heads().stream().filter(h -> graph.branchLabels(h).contains(label)).toList();
        return singleHead(branchHeads, text);
      }
      if (rest.equals("base")) return owner;
      String id = revision(rest);
      if (!graph.branchLabels(id).contains(label)) {
        throw new TargetException(
            Reason.UNKNOWN, "revision '" + id + "' is not on branch '" + label + "'");
      }
      return id;
    }
    Optional<String> labelled = graph.labelOwner(text);
    if (labelled.isPresent()) return labelled.get();
    List<String> matches =
        graph.order().stream().filter(id -> id.startsWith(text)).sorted().toList();
    if (matches.size() == 1) return matches.get(0);
    if (matches.size() > 1) {
      throw new TargetException(
          Reason.AMBIGUOUS,
          "'"
              + text
              + "' is the start of "
              + matches.size()
              + " revisions: "
              + String.join(", ", matches.subList(0, Math.min(10, matches.size())))
              + (matches.size() > 10 ? ", ..." : "")
              + "; give more characters of the id");
    }
    List<String> near = NearestIds.of(text, suggestions(text));
    throw new TargetException(
        Reason.UNKNOWN,
        "no revision '"
            + text
            + "'"
            + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?")
            + " ('history' lists every revision)");
  }

  /**
   * What a mistyped target may have meant: the ids, the branch labels and the words {@code head},
   * {@code heads} and {@code base} ({@code upgrade heda}), but not the text itself.
   */
  private List<String> suggestions(String text) {
    Set<String> words = new TreeSet<>(graph.order());
    for (GraphNode node : graph.nodes()) words.addAll(node.branchLabels());
    words.addAll(List.of("head", "heads", "base"));
    words.remove(text);
    return new ArrayList<>(words);
  }

  /** An empty target is refused: as a prefix it would match every id. */
  private static void requireGiven(String target) {
    if (target == null || target.isEmpty()) {
      throw new TargetException(
          Reason.EMPTY,
          "the target is empty; give a revision id or the start of one, a branch label, head,"
              + " heads, base, or a relative step such as +1 or -1");
    }
  }

  private String labelOwner(String label) {
    return graph
        .labelOwner(label)
        .orElseThrow(
            () ->
                new TargetException(
                    Reason.UNKNOWN,
                    "no branch label '" + label + "'; 'branches' lists the labelled branches"));
  }

  private static String singleHead(List<String> heads, String target) {
    if (heads.size() == 1) return heads.get(0);
    throw new TargetException(
        Reason.MULTIPLE_HEADS,
        "'"
            + target
            + "' is ambiguous: there are "
            + heads.size()
            + " heads ("
            + String.join(", ", heads)
            + "); name one, use 'heads' for all of them, or a LABEL@head");
  }

  /** Walks {@code N} revisions up (through the only child) or down (through the only parent). */
  private Optional<String> step(Matcher relative, String target, List<String> current) {
    String from = relative.group(1);
    boolean up = relative.group(2).equals("+");
    int count = count(relative.group(3));
    Optional<String> position;
    if (from.isEmpty()) {
      if (current.size() > 1) {
        throw new TargetException(
            Reason.MULTIPLE_HEADS,
            "'"
                + target
                + "' is relative to the current revision, but the database has "
                + current.size()
                + " ("
                + String.join(", ", current)
                + "); write ID"
                + relative.group(2)
                + relative.group(3)
                + " from one of them");
      }
      position = current.stream().findFirst();
    } else {
      position = Optional.of(revision(from));
    }
    for (int walked = 0; walked < count; walked++) {
      List<String> next = up ? nextUp(position) : nextDown(position);
      if (next.size() != 1) {
        throw new TargetException(
            Reason.OUT_OF_RANGE,
            "'"
                + target
                + "' goes "
                + (up ? "up " : "down ")
                + revisions(relative.group(3))
                + ", but "
                + stop(up, position, walked, next)
                + "; name the target revision instead");
      }
      position = next.get(0).isEmpty() ? Optional.empty() : Optional.of(next.get(0));
    }
    return position;
  }

  /** "1 revision", "3 revisions": {@code digits} as the target wrote them. */
  private static String revisions(String digits) {
    return digits + (digits.replaceFirst("^0+(?=.)", "").equals("1") ? " revision" : " revisions");
  }

  /**
   * Why a walk stops at {@code position} after {@code walked} steps, with {@code next} the ways on:
   * none (an end of the graph) or several (a branch point going up, a merge going down).
   */
  private static String stop(boolean up, Optional<String> position, int walked, List<String> next) {
    String after = walked == 0 ? "" : " after " + revisions(String.valueOf(walked));
    if (next.isEmpty()) {
      return up
          ? "the graph ends at '" + position.orElseThrow() + "'" + after
          : walked == 0 ? "it starts at base" : "the walk reaches base" + after;
    }
    String ways = String.join(" and ", next);
    if (position.isEmpty()) return "the graph has " + next.size() + " bases (" + ways + ")";
    String at = "'" + position.get() + "'" + (walked == 0 ? "" : ", reached" + after + ",");
    return up
        ? at + " is a branch point that " + ways + " revise"
        : at + " is a merge of " + ways + ", so there is no one revision below it";
  }

  /**
   * The number of steps {@code digits} asks for, or, when that is more than the graph has revisions
   * (as {@code +2147483648} is), one more than it has: the walk then runs off the graph and says
   * so, instead of the number overflowing.
   */
  private int count(String digits) {
    int most = graph.order().size() + 1;
    String significant = digits.replaceFirst("^0+(?=.)", "");
    if (significant.length() > String.valueOf(most).length()) return most;
    return (int) Math.min(Long.parseLong(significant), most);
  }

  private List<String> nextUp(Optional<String> position) {
    return position.isPresent() ? graph.revisedBy(position.get()) : graph.bases();
  }

  /** The single parent, or "" meaning base, or nothing when already below base. */
  private List<String> nextDown(Optional<String> position) {
    if (position.isEmpty()) return List.of();
    List<String> parents = graph.node(position.get()).orElseThrow().revises();
    return parents.isEmpty() ? List.of("") : new ArrayList<>(parents);
  }

  /** Compiled on first use: an application start that upgrades to heads never needs it. */
  private static final class Relative {
    static final Pattern PATTERN = Pattern.compile("(.*?)([+-])(\\d+)");
  }
}
