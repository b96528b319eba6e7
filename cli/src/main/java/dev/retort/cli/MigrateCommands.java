package dev.retort.cli;

/**
 * The verbs that move the database: upgrade, downgrade, stamp. Progress is the runtime's log, one
 * line per revision; with {@code --sql} the script goes to standard output and nothing connects.
 */
final class MigrateCommands {

  private MigrateCommands() {}

  static int upgrade(Command command) {
    Arguments args = command.args();
    if (args.has(Option.SQL)) {
      command.out().print(command.retort().upgradeSql(args.argument()));
    } else {
      command.retort().upgrade(args.argument());
    }
    return 0;
  }

  static int downgrade(Command command) {
    Arguments args = command.args();
    if (args.has(Option.SQL)) {
      command.out().print(command.retort().downgradeSql(args.argument()));
    } else {
      command.retort().downgrade(args.argument());
    }
    return 0;
  }

  static int stamp(Command command) {
    command.retort().stamp(command.args().argument(), command.args().has(Option.PURGE));
    return 0;
  }
}
