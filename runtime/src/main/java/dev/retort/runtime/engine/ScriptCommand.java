package dev.retort.runtime.engine;

import dev.retort.graph.Range;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.history.VersionStore;
import dev.retort.runtime.plan.Planner;
import dev.retort.runtime.plan.Step;
import dev.retort.runtime.plan.VersionRows;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Offline SQL (Alembic's {@code --sql}): the script of an upgrade or downgrade, written without a
 * database, so the range's FROM stands for the rows a database would be read at.
 */
public final class ScriptCommand {

  /** {@code +N} or {@code -N}: a step from FROM, not a revision to compare it with. */
  private static final Pattern RELATIVE = Pattern.compile("[+-]\\d+");

  private final Catalog catalog;
  private final Planner planner;
  private final Config config;

  ScriptCommand(Catalog catalog, Config config) {
    this.catalog = catalog;
    this.planner = catalog.planner();
    this.config = config;
  }

  /** The script of an upgrade: {@code TO} from base, or {@code FROM:TO}; TO left out is heads. */
  public String upgrade(String text) {
    Range range = Range.parse(text);
    List<String> from = range.from().map(catalog::rowsAt).orElse(List.of());
    String to = range.to().orElse("heads");
    List<String> targets = catalog.upgradeTarget(to, from);
    Set<String> before = planner.applied(from);
    Set<String> after = planner.applied(targets);
    if (before.containsAll(after) && !after.equals(before)) {
      // Such as heads:base: the plan would be empty, and the script a header alone.
      throw new RetortException(
          ErrorCode.INVALID_ARGUMENT,
          "'"
              + text
              + "' goes down: "
              + to
              + " is below "
              + range.from().get()
              + ", and an upgrade's range goes up, as base:heads does; for the script of a"
              + " downgrade, give the range to the downgrade");
    }
    List<Step> steps = planner.upgrade(from, targets);
    return writer()
        .write("upgrade " + VersionRows.describe(from) + " -> " + to, steps, from.isEmpty());
  }

  /**
   * The script of a downgrade: {@code FROM:TO}, such as {@code heads:base}; TO left out is base.
   */
  public String downgrade(String text) {
    Range range = Range.parse(text);
    if (range.from().isEmpty()) {
      throw new RetortException(
          ErrorCode.INVALID_ARGUMENT,
          "an offline downgrade needs a range FROM:TO, such as heads:base, since there is no"
              + " database to read the current revision from");
    }
    List<String> from = catalog.rowsAt(range.from().get());
    String to = range.to().orElse("base");
    String header = "downgrade " + VersionRows.describe(from) + " -> " + to;
    if (!RELATIVE.matcher(to).matches()) {
      // Named ends (heads, an id, a label) may lie above FROM, or beside it.
      Set<String> applied = planner.applied(from);
      List<String> ends = catalog.upgradeTarget(to, from);
      if (!applied.containsAll(ends)) {
        throw new RetortException(
            ErrorCode.INVALID_ARGUMENT,
            "'"
                + text
                + "' does not go down: "
                + to
                + " is not below "
                + range.from().get()
                + ", and a downgrade's range goes down, as heads:base does; for the script of an"
                + " upgrade, give the range to the upgrade");
      }
      // FROM:heads (or :head) at the heads: nothing to undo, as Alembic has it.
      if (to.equals("heads") || to.equals("head")) return writer().write(header, List.of(), false);
    }
    List<Step> steps = planner.downgrade(from, catalog.downgradeTarget(to, from));
    return writer().write(header, steps, false);
  }

  private ScriptWriter writer() {
    String name =
        config
            .dialect()
            .orElseThrow(
                () ->
                    new RetortException(
                        ErrorCode.NO_DATABASE,
                        "offline SQL needs to know the database: build with .url(...) or"
                            + " .dialect(\"postgresql\" | \"sqlite\")"));
    return new ScriptWriter(
        name, new VersionStore(Dialects.named(name), config.table(), config.schema()));
  }
}
