package dev.retort.cli;

import dev.retort.runtime.Retort;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The verbs that move the database: upgrade, downgrade, stamp. Progress is the runtime's log, one
 * line per revision; with {@code --sql} the script goes to standard output and nothing connects.
 */
final class MigrateCommands {

  private MigrateCommands() {}

  static int upgrade(Command command) {
    return move(command, Retort::upgradeSql, Retort::upgrade);
  }

  static int downgrade(Command command) {
    return move(command, Retort::downgradeSql, Retort::downgrade);
  }

  static int stamp(Command command) {
    command.retort().stamp(command.args().argument(), command.args().has(Option.PURGE));
    return 0;
  }

  /** Runs the move to the verb's argument, or with {@code --sql} prints its script. */
  private static int move(
      Command command, BiFunction<Retort, String, String> script, BiConsumer<Retort, String> run) {
    String target = command.args().argument();
    if (command.args().has(Option.SQL)) {
      command.out().print(script.apply(command.retort(), target));
    } else {
      run.accept(command.retort(), target);
    }
    return 0;
  }
}
