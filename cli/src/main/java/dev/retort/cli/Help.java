package dev.retort.cli;

import java.util.ArrayList;
import java.util.List;

/** The text of {@code --help}, for the program and for each verb. */
final class Help {

  private static final int OPTION_WIDTH = 24;
  private static final int WIDTH = 80;

  private Help() {}

  /**
   * The handler of the {@code help} verb, which never runs: {@link RetortCli} answers {@code help}
   * before a command is set up, as it answers {@code --help}.
   */
  static int answeredBeforeRunning(Command command) {
    throw new IllegalStateException("'help' is answered before any command runs");
  }

  /** The help that {@code --help} or the {@code help} verb asks for. */
  static String of(String program, Arguments arguments) {
    Verb verb = arguments.verb();
    if (verb == Verb.HELP && !arguments.has(Option.HELP)) {
      if (arguments.positionals().isEmpty()) return program(program);
      String name = arguments.argument();
      verb = Verb.named(name).orElseThrow(() -> ArgumentParser.unknownVerb(name));
    }
    return verb == null ? program(program) : verb(program, verb);
  }

  /** Retort's version, as the command line's jar names it. */
  static String version() {
    String version = RetortCli.class.getPackage().getImplementationVersion();
    return "Retort "
        + (version == null ? "(version unknown: not run from the retort-cli jar)" : version)
        + "\n";
  }

  /** The program's help: every verb and the global options. */
  static String program(String program) {
    StringBuilder text = new StringBuilder();
    text.append("usage: ").append(program).append(" [options] VERB [arguments]\n\n");
    text.append("Verbs:\n");
    for (Verb verb : Verb.values()) {
      String name =
          verb.verbName()
              + (verb.positionals().synopsis().isEmpty()
                  ? ""
                  : " " + verb.positionals().synopsis());
      text.append(row(name, firstSentence(verb.summary())));
    }
    text.append("\nOptions for every verb:\n");
    options(text, globalOptions());
    text.append("\nRun '").append(program).append(" VERB --help' for a verb's own options.\n");
    return text.toString();
  }

  /** One verb's help: its usage line, what it does and its options. */
  static String verb(String program, Verb verb) {
    StringBuilder text = new StringBuilder();
    text.append(usage(program, verb)).append("\n\n");
    text.append(wrap(verb.summary()));
    if (!verb.options().isEmpty()) {
      text.append("\nOptions:\n");
      options(text, new ArrayList<>(verb.options()));
    }
    text.append("\nOptions for every verb:\n");
    options(text, globalOptions());
    return text.toString();
  }

  /** The one-line usage of {@code verb}. */
  static String usage(String program, Verb verb) {
    StringBuilder line = new StringBuilder("usage: ").append(program).append(' ');
    line.append(verb.verbName());
    if (!verb.positionals().synopsis().isEmpty())
      line.append(' ').append(verb.positionals().synopsis());
    boolean more = false;
    for (Option option : verb.options()) {
      // The fleet's and the lock wait's options are listed below the usage line only.
      if (Option.FLEET.contains(option) || option == Option.DDL_LOCK_TIMEOUT) {
        more = true;
        continue;
      }
      line.append(" [").append(option.synopsis().replaceFirst("^-\\w, ", "")).append(']');
    }
    if (more) line.append(" [more options]");
    return line.toString();
  }

  private static List<Option> globalOptions() {
    List<Option> global = new ArrayList<>();
    for (Option option : Option.values()) {
      if (option.global()) global.add(option);
    }
    return global;
  }

  private static void options(StringBuilder text, List<Option> options) {
    for (Option option : options) {
      text.append(row(option.synopsis(), option.help()));
    }
  }

  private static String row(String left, String right) {
    String padded = left.length() >= OPTION_WIDTH ? left + "  " : pad(left);
    return "  " + padded + right + "\n";
  }

  private static String pad(String text) {
    return text + " ".repeat(OPTION_WIDTH - text.length());
  }

  /** {@code text} in lines of at most {@value #WIDTH} characters. */
  private static String wrap(String text) {
    StringBuilder wrapped = new StringBuilder();
    int lineStart = 0;
    for (String word : text.split(" ")) {
      if (wrapped.length() > lineStart
          && wrapped.length() - lineStart + 1 + word.length() > WIDTH) {
        wrapped.append('\n');
        lineStart = wrapped.length();
      } else if (wrapped.length() > lineStart) {
        wrapped.append(' ');
      }
      wrapped.append(word);
    }
    return wrapped.append('\n').toString();
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }
}
