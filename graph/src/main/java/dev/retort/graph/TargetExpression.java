package dev.retort.graph;

import dev.retort.graph.TargetException.Reason;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as written, taken apart with Alembic's grammar: {@code [BRANCH@]ANCHOR[+N|-N]}, where
 * BRANCH is a branch label or a revision standing for the branch it is on, and ANCHOR is {@code
 * head}, {@code heads}, {@code base}, a revision (id, unique prefix or label) or nothing (the
 * current revision, as in {@code +1}). A {@code FROM:TO} range is not a target: it is refused here
 * and taken by {@link Targets#upgradeRange} and {@link Targets#downgradeRange}.
 *
 * @param text the target as written
 * @param branch BRANCH, unless the target names none
 * @param anchor where the target starts
 * @param revision the ANCHOR text when {@code anchor} is {@link Anchor#REVISION}, else empty
 * @param step the signed N, 0 when there is no step
 * @param digits N as written, for messages
 */
public record TargetExpression(
    String text, Optional<String> branch, Anchor anchor, String revision, int step, String digits) {

  /** Where a target starts, before any step. */
  public enum Anchor {
    /** The current revision: the database's row, or the branch's newest applied revision. */
    CURRENT,
    /** The one head. */
    HEAD,
    /** Every head. */
    HEADS,
    /** Below every revision. */
    BASE,
    /** A revision named by id, unique prefix or label. */
    REVISION
  }

  private static final Pattern STEP = Pattern.compile("(.*?)([+-])(\\d+)");

  /**
   * The expression {@code text} writes.
   *
   * @param most the step to use when N is larger, so a huge N runs off the graph instead of
   *     overflowing
   * @throws TargetException for an empty target, a range, or a step of 0
   */
  public static TargetExpression parse(String text, int most) {
    if (text == null || text.isEmpty()) {
      throw new TargetException(
          Reason.EMPTY,
          "the target is empty; give a revision id or the start of one, a branch label, head,"
              + " heads, base, or a relative step such as +1 or -1");
    }
    if (text.indexOf(':') >= 0) {
      throw new TargetException(
          Reason.INVALID,
          "'"
              + text
              + "' is a range; ranges are for offline SQL (--sql) and history, a command on a"
              + " database takes one target such as "
              + text.substring(text.indexOf(':') + 1));
    }
    int at = text.indexOf('@');
    Optional<String> branch = at < 0 ? Optional.empty() : Optional.of(text.substring(0, at));
    String rest = text.substring(at + 1);
    Matcher relative = STEP.matcher(rest);
    if (!relative.matches()) return new TargetExpression(text, branch, anchor(rest), rest, 0, "");
    String digits = relative.group(3);
    int count = count(digits, most);
    if (count == 0) {
      throw new TargetException(
          Reason.OUT_OF_RANGE,
          "'"
              + text
              + "' is a step of 0 revisions; give a step of 1 or more, or the target itself");
    }
    String from = relative.group(1);
    Anchor anchor = from.isEmpty() ? Anchor.CURRENT : anchor(from);
    int signed = relative.group(2).equals("+") ? count : -count;
    return new TargetExpression(text, branch, anchor, from, signed, digits);
  }

  private static Anchor anchor(String word) {
    return switch (word) {
      case "head" -> Anchor.HEAD;
      case "heads" -> Anchor.HEADS;
      case "base" -> Anchor.BASE;
      default -> Anchor.REVISION;
    };
  }

  /** The number {@code digits} writes, or {@code most} when that is less. */
  private static int count(String digits, int most) {
    String significant = digits.replaceFirst("^0+(?=.)", "");
    if (significant.length() > String.valueOf(most).length()) return most;
    return (int) Math.min(Long.parseLong(significant), most);
  }

  /** Whether the target moves from its anchor. */
  public boolean relative() {
    return step != 0;
  }

  /** Whether the target walks up: {@code +N}. */
  public boolean up() {
    return step > 0;
  }

  /** The number of steps. */
  public int steps() {
    return Math.abs(step);
  }

  /** "1 revision", "3 revisions": N as written. */
  public String revisions() {
    return digits + (steps() == 1 ? " revision" : " revisions");
  }
}
