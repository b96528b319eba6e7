package dev.retort.runtime.engine;

import dev.retort.graph.OfflineRange;
import dev.retort.graph.Range;
import dev.retort.runtime.ErrorCode;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.history.VersionStore;
import dev.retort.runtime.plan.Planner;
import dev.retort.runtime.plan.Step;
import dev.retort.runtime.plan.VersionRows;
import java.util.List;

/**
 * Offline SQL (Alembic's {@code --sql}): the script of an upgrade or downgrade, written without a
 * database, so the range's FROM stands for the rows a database would be read at.
 */
public final class ScriptCommand {

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
    OfflineRange range = catalog.upgradeRange(text);
    List<String> from = range.rows();
    List<Step> steps = planner.upgrade(from, range.revisions());
    String to = Range.parse(text).to().orElse("heads");
    return writer()
        .write("upgrade " + VersionRows.describe(from) + " -> " + to, steps, from.isEmpty());
  }

  /**
   * The script of a downgrade: {@code FROM:TO}, such as {@code heads:base}; TO left out is base.
   */
  public String downgrade(String text) {
    OfflineRange range = catalog.downgradeRange(text);
    String to = Range.parse(text).to().orElse("base");
    String header = "downgrade " + VersionRows.describe(range.rows()) + " -> " + to;
    return writer().write(header, planner.downgrade(range.rows(), range.revisions()), false);
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
        name,
        new VersionStore(Dialects.named(name), config.table(), config.schema()),
        config.lockWait().timeout());
  }
}
