package dev.retort.runtime;

import java.util.regex.Pattern;

/**
 * Text made safe to show a person on one line of a terminal or a log: passwords in URLs masked, line
 * breaks folded. {@link RetortException} messages are one line already, and mask every URL that
 * Retort puts in them; a program that prints other text, such as a command line's own messages or
 * what a driver said, uses this.
 */
public final class SafeText {

  private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;](?:password|pwd|sslpassword)=)[^&;]*");
  private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

  private SafeText() {}

  /**
   * {@code text} with every password of a URL in it replaced by {@code ***}: the one in {@code
   * //user:password@host} and the {@code password}, {@code pwd} and {@code sslpassword} parameters.
   */
  public static String mask(String text) {
    if (text == null) return null;
    String masked = USER_INFO.matcher(text).replaceAll("//$1:***@");
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
  }

  /**
   * {@code text} on one line: each line break, with the blanks around it, becomes one space, as
   * messages that quote SQL or a driver's multi-line error need.
   */
  public static String oneLine(String text) {
    return LINE_BREAK.matcher(String.valueOf(text).strip()).replaceAll(" ");
  }
}
