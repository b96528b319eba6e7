package dev.retort.cli;

import dev.retort.runtime.GraphView;
import dev.retort.runtime.Retort;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * What a verb's handler works with.
 *
 * @param args the parsed command line
 * @param retort the runtime, with a database only when the verb needs one
 * @param out where results go
 * @param verbose whether {@code -v} was given
 * @param randomIds new revision ids, for {@code revision} and {@code merge}
 */
record Command(
    Arguments args, Retort retort, PrintStream out, boolean verbose, Supplier<String> randomIds) {

  /** The registry's revision graph. */
  GraphView graph() {
    return retort.graph();
  }
}
