package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentParserTest {

  @Test
  void verbWithItsArgument() {
    Arguments args = ArgumentParser.parse("upgrade", "heads");
    assertEquals(Verb.UPGRADE, args.verb());
    assertEquals(List.of("heads"), args.positionals());
    assertTrue(args.options().isEmpty());
  }

  @Test
  void optionsBeforeAndAfterTheVerb() {
    Arguments args =
        ArgumentParser.parse("--url", "jdbc:sqlite:a.db", "upgrade", "heads", "--sql", "-v");
    assertEquals(Verb.UPGRADE, args.verb());
    assertEquals(Optional.of("jdbc:sqlite:a.db"), args.value(Option.URL));
    assertTrue(args.has(Option.SQL));
    assertTrue(args.has(Option.VERBOSE));
    assertEquals(List.of("heads"), args.positionals());
  }

  @Test
  void longOptionWithEqualsSign() {
    Arguments args = ArgumentParser.parse("current", "--url=jdbc:sqlite:x=y.db");
    assertEquals(Optional.of("jdbc:sqlite:x=y.db"), args.value(Option.URL));
  }

  @Test
  void shortAndLongNamesAreTheSameOption() {
    assertEquals(
        Optional.of("add users"),
        ArgumentParser.parse("revision", "-m", "add users", "--dir", "src").value(Option.MESSAGE));
    assertEquals(
        Optional.of("add users"),
        ArgumentParser.parse("revision", "--message", "add users", "--dir", "src")
            .value(Option.MESSAGE));
    assertEquals(
        Optional.of("a:b"), ArgumentParser.parse("history", "-r", "a:b").value(Option.RANGE));
  }

  @Test
  void anEmptyOptionValueIsAUsageError() {
    UsageException spaced =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("current", "--url", ""));
    assertEquals("option --url is given an empty value; give --url JDBC_URL", spaced.getMessage());
    UsageException equals =
        assertThrows(
            UsageException.class, () -> ArgumentParser.parse("current", "--version-table="));
    assertEquals(
        "option --version-table is given an empty value; give --version-table NAME",
        equals.getMessage());
  }

  @Test
  void negativeNumberIsARelativeTargetNotAnOption() {
    Arguments args = ArgumentParser.parse("downgrade", "-1");
    assertEquals(List.of("-1"), args.positionals());
  }

  @Test
  void optionValueMayStartWithADash() {
    assertEquals(
        Optional.of("-2:"), ArgumentParser.parse("history", "-r", "-2:").value(Option.RANGE));
  }

  @Test
  void doubleDashEndsTheOptions() {
    Arguments args = ArgumentParser.parse("show", "--", "-x");
    assertEquals(List.of("-x"), args.positionals());
  }

  @Test
  void mergeTakesAnyNumberOfRevisions() {
    Arguments args = ArgumentParser.parse("merge", "-m", "m", "--dir", "d", "a1", "b2", "c3");
    assertEquals(List.of("a1", "b2", "c3"), args.positionals());
  }

  @Test
  void helpAloneHasNoVerb() {
    Arguments args = ArgumentParser.parse("--help");
    assertNull(args.verb());
    assertTrue(args.has(Option.HELP));
  }

  @Test
  void helpForAVerbSkipsTheVerbsChecks() {
    Arguments args = ArgumentParser.parse("upgrade", "-h");
    assertEquals(Verb.UPGRADE, args.verb());
    assertTrue(args.has(Option.HELP));
    assertTrue(args.positionals().isEmpty());
  }

  @Test
  void noVerb() {
    UsageException e = assertThrows(UsageException.class, ArgumentParser::parse);
    assertEquals("no verb given", e.getMessage());
  }

  @Test
  void unknownVerbSuggestsTheNearest() {
    UsageException e = assertThrows(UsageException.class, () -> ArgumentParser.parse("upgrad"));
    assertEquals("unknown verb 'upgrad'; did you mean 'upgrade'?", e.getMessage());
    assertNull(e.verb());
  }

  @Test
  void unknownOptionSuggestsTheNearest() {
    UsageException e =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("history", "--grpah"));
    assertEquals("unknown option '--grpah'; did you mean '--graph'?", e.getMessage());
  }

  @Test
  void optionWithoutItsValue() {
    UsageException e =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("current", "--url"));
    assertEquals("option --url JDBC_URL needs a value", e.getMessage());
  }

  @Test
  void flagGivenAValue() {
    UsageException e =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("upgrade", "a", "--sql=1"));
    assertEquals("option --sql takes no value", e.getMessage());
  }

  @Test
  void optionGivenTwice() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> ArgumentParser.parse("current", "--url", "a", "--url=b"));
    assertEquals("option --url is given twice", e.getMessage());
  }

  @Test
  void optionOfAnotherVerb() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> ArgumentParser.parse("upgrade", "heads", "--graph"));
    assertEquals("option --graph does not apply to 'upgrade'", e.getMessage());
    assertEquals(Verb.UPGRADE, e.verb());
  }

  @Test
  void missingArgument() {
    UsageException e = assertThrows(UsageException.class, () -> ArgumentParser.parse("upgrade"));
    assertEquals("'upgrade' needs TARGET, for example 'upgrade heads'", e.getMessage());
    UsageException down =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("downgrade"));
    assertEquals(
        "'downgrade' needs TARGET, for example 'downgrade -1' or 'downgrade base'",
        down.getMessage());
  }

  @Test
  void tooManyArguments() {
    UsageException e =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("current", "a1"));
    assertEquals("'current' takes no arguments, but got a1", e.getMessage());
    UsageException show =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("show", "a1", "b2"));
    assertEquals("'show' takes only REV, but got a1 b2", show.getMessage());
  }

  @Test
  void formatIsDotOrMermaid() {
    assertEquals(
        Optional.of("dot"),
        ArgumentParser.parse("history", "--format", "dot").value(Option.FORMAT));
    UsageException e =
        assertThrows(
            UsageException.class, () -> ArgumentParser.parse("history", "--format", "svg"));
    assertEquals("--format is dot or mermaid, not 'svg'", e.getMessage());
  }

  @Test
  void graphAndFormatExcludeEachOther() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> ArgumentParser.parse("history", "--graph", "--format", "dot"));
    assertEquals("choose one of --graph and --format", e.getMessage());
  }

  @Test
  void scaffoldingNeedsAMessageAndADirectory() {
    UsageException noMessage =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("revision", "--dir", "d"));
    assertEquals("'revision' needs -m MSG, the description", noMessage.getMessage());
    UsageException noDir =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("merge", "-m", "x"));
    assertEquals("'merge' needs --dir DIR, such as --dir src/main/java", noDir.getMessage());
  }

  @Test
  void globalOptionsApplyToEveryVerb() {
    for (Verb verb : Verb.values()) {
      for (Option option : Option.values()) {
        assertEquals(option.global() || verb.options().contains(option), verb.accepts(option));
      }
    }
    assertFalse(Verb.CURRENT.accepts(Option.SQL));
  }
}
