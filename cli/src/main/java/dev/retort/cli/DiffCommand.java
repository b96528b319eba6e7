package dev.retort.cli;

import java.util.List;

/** {@code diff}: the database's schema against the one the revisions build at heads. */
final class DiffCommand {

  private DiffCommand() {}

  static int run(Command command) {
    List<String> differences =
        command
            .args()
            .value(Option.SCRATCH_URL)
            // The scratch database may be written as --url may: postgres://USER@HOST/DB too.
            .map(url -> command.retort().diff(DatabaseUrl.supported(DatabaseUrl.toJdbc(url))))
            .orElseGet(() -> command.retort().diff());
    if (differences.isEmpty()) {
      command.out().println("The database's schema is the one the revisions build at heads");
      return 0;
    }
    command
        .out()
        .println(
            "The database's schema differs from the one the revisions build at heads"
                + " (added: only in the database; removed: only in the revisions):");
    differences.forEach(d -> command.out().println("  " + d));
    throw new CommandFailure(
        differences.size()
            + (differences.size() == 1 ? " difference" : " differences")
            + " from the schema at heads; see above");
  }
}
