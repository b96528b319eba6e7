package dev.retort.runtime.cli;

import dev.retort.runtime.Retort;
import java.io.PrintStream;

/**
 * The verbs that move the database: upgrade, downgrade, stamp. Progress is the runtime's log, one
 * line per revision; with {@code --sql} the script goes to standard output and nothing connects.
 */
final class MigrateCommands {

  private final Retort retort;
  private final PrintStream out;

  MigrateCommands(Retort retort, PrintStream out) {
    this.retort = retort;
    this.out = out;
  }

  void upgrade(Arguments args) {
    if (args.has(Option.SQL)) {
      out.print(retort.upgradeSql(args.argument()));
    } else {
      retort.upgrade(args.argument());
    }
  }

  void downgrade(Arguments args) {
    if (args.has(Option.SQL)) {
      out.print(retort.downgradeSql(args.argument()));
    } else {
      retort.downgrade(args.argument());
    }
  }

  void stamp(Arguments args) {
    retort.stamp(args.argument(), args.has(Option.PURGE));
  }
}
