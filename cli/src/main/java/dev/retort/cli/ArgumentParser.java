package dev.retort.cli;

import dev.retort.graph.NearestIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns {@code args} into {@link Arguments}: options anywhere on the line, long ones as {@code
 * --name VALUE} or {@code --name=VALUE}, {@code --} ending the options. A negative number such as
 * {@code -1} is a relative target, not an option, as in {@code downgrade -1}.
 */
final class ArgumentParser {

  private static final Pattern RELATIVE = Pattern.compile("-\\d+");

  private ArgumentParser() {}

  /**
   * The parsed line.
   *
   * @throws UsageException when the line is not one the verbs accept
   */
  static Arguments parse(String... args) {
    Verb verb = null;
    List<String> positionals = new ArrayList<>();
    Map<Option, String> options = new EnumMap<>(Option.class);
    boolean optionsEnded = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!optionsEnded && arg.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && isOption(arg)) {
        int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
        String name = equals < 0 ? arg : arg.substring(0, equals);
        Option option = Option.named(name).orElseThrow(() -> unknownOption(name));
        String value = "";
        if (option.takesValue()) {
          if (equals >= 0) {
            value = arg.substring(equals + 1);
          } else if (i + 1 < args.length) {
            value = args[++i];
          } else {
            throw new UsageException(null, "option " + option.synopsis() + " needs a value");
          }
          if (value.isEmpty()) {
            // Such as --url "$DB" with DB unset: better said than taken for no option at all.
            throw new UsageException(
                null,
                "option "
                    + option.longName()
                    + " is given an empty value; give "
                    + option.synopsis());
          }
        } else if (equals >= 0) {
          throw new UsageException(null, "option " + name + " takes no value");
        }
        if (options.put(option, value) != null) {
          throw new UsageException(null, "option " + option.longName() + " is given twice");
        }
      } else if (verb == null) {
        verb = Verb.named(arg).orElseThrow(() -> unknownVerb(arg));
      } else {
        positionals.add(arg);
      }
    }
    Arguments parsed = new Arguments(verb, positionals, options);
    if (parsed.has(Option.HELP) || parsed.has(Option.VERSION)) return parsed;
    if (verb == null) {
      throw new UsageException(null, "no verb given");
    }
    check(parsed);
    return parsed;
  }

  private static boolean isOption(String arg) {
    return arg.startsWith("-") && arg.length() > 1 && !RELATIVE.matcher(arg).matches();
  }

  private static void check(Arguments parsed) {
    Verb verb = parsed.verb();
    for (Map.Entry<Option, String> given : parsed.options().entrySet()) {
      Option option = given.getKey();
      if (!verb.accepts(option)) {
        throw new UsageException(
            verb, "option " + option.longName() + " does not apply to '" + verb.verbName() + "'");
      }
      List<String> values = option.choices();
      if (!values.isEmpty() && !values.contains(given.getValue())) {
        throw new UsageException(
            verb,
            option.longName()
                + " is "
                + String.join(" or ", values)
                + ", not '"
                + given.getValue()
                + "'");
      }
      Optional<Option> excluded = option.excludes().filter(parsed::has);
      if (excluded.isPresent()) {
        throw new UsageException(
            verb, "choose one of " + excluded.get().longName() + " and " + option.longName());
      }
    }
    Verb.Positionals positionals = verb.positionals();
    int count = parsed.positionals().size();
    if (count < positionals.min()) {
      throw new UsageException(
          verb,
          "'"
              + verb.verbName()
              + "' needs "
              + positionals.synopsis()
              + ", for example "
              + positionals.example());
    }
    if (count > positionals.max()) {
      throw new UsageException(
          verb,
          "'"
              + verb.verbName()
              + "' takes "
              + (positionals.max() == 0 ? "no arguments" : "only " + positionals.synopsis())
              + ", but got "
              + String.join(" ", parsed.positionals()));
    }
    for (Option option : verb.required()) {
      if (!parsed.has(option)) {
        throw new UsageException(verb, "'" + verb.verbName() + "' needs " + option.requirement());
      }
    }
  }

  private static UsageException unknownOption(String name) {
    return unknown("option", name, Arrays.stream(Option.values()).map(Option::longName).toList());
  }

  static UsageException unknownVerb(String name) {
    return unknown("verb", name, Arrays.stream(Verb.values()).map(Verb::verbName).toList());
  }

  /** An unknown {@code kind} of word, with the nearest {@code known} ones as suggestions. */
  private static UsageException unknown(String kind, String name, List<String> known) {
    List<String> near = NearestIds.of(name, known);
    return new UsageException(
        null,
        "unknown "
            + kind
            + " '"
            + name
            + "'"
            + (near.isEmpty() ? "" : "; did you mean " + quoted(near) + "?"));
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "));
  }
}
