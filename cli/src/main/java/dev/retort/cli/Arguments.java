package dev.retort.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed command line.
 *
 * @param verb the verb, or null when only {@code --help} was given
 * @param positionals the verb's arguments, in order
 * @param options the options given, each with its value ({@code ""} for a flag)
 */
record Arguments(Verb verb, List<String> positionals, Map<Option, String> options) {

  Arguments {
    positionals = List.copyOf(positionals);
    options = Map.copyOf(options);
  }

  /** Whether {@code option} was given. */
  boolean has(Option option) {
    return options.containsKey(option);
  }

  /** The value of {@code option}, when given. */
  Optional<String> value(Option option) {
    return Optional.ofNullable(options.get(option));
  }

  /** The single positional argument of a verb that takes exactly one. */
  String argument() {
    return positionals.get(0);
  }
}
