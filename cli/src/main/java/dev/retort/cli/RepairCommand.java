package dev.retort.cli;

import dev.retort.runtime.ChecksumRepair;
import java.util.List;

/** {@code repair}: records the current checksums of changed applied revisions and lists them. */
final class RepairCommand {

  private RepairCommand() {}

  /** One line per recorded checksum, {@code id: OLD -> NEW}, or one line saying there was none. */
  static int run(Command command) {
    List<ChecksumRepair> repairs = command.retort().repair();
    if (repairs.isEmpty()) {
      command.out().println("Nothing to repair: every applied revision's checksum is as recorded");
    }
    for (ChecksumRepair r : repairs) {
      String change = r.previous() + " -> " + r.recorded();
      command.out().println("Recorded the checksum of " + r.revision() + ": " + change);
    }
    return 0;
  }
}
