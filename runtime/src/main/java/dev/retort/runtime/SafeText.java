package dev.retort.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text made safe to show a person on one line of a terminal or a log: passwords in URLs masked,
 * line breaks folded. {@link RetortException} messages, and the causes they carry, are masked
 * already; a program that prints other text, such as a command line's own messages or what a driver
 * said, uses this.
 */
public final class SafeText {

  /** Hosts (names, addresses, ports, several or none), then the end of them. */
  private static final String HOSTS = "[\\w.\\-\\[\\]%:,]*(?:[/?#;\\s'\")>]|$)";

  /**
   * {@code //user:password@host}: the password runs to the last {@code @} of the word that hosts
   * follow, so that one with an unencoded {@code /}, {@code #} or {@code @} is masked whole.
   */
  private static final Pattern USER_INFO =
      Pattern.compile("(//[^\\s/:]*:)(\\S*)(?=@" + HOSTS + ")");

  /** Oracle's {@code jdbc:oracle:thin:user/password@host}, the password masked the same way. */
  private static final Pattern ORACLE =
      Pattern.compile("(?i)(jdbc:oracle:\\w+:[^\\s/@:]*/)(\\S*)(?=@" + HOSTS + ")");

  /**
   * Any key that ends in {@code password}, {@code passwd} or {@code pwd} with its value, in a URL
   * ({@code ?password=}, {@code &password=}, {@code ;password=}) or elsewhere ({@code
   * sslpassword=}, {@code {user=a, password=b}}). The value ends where a URL's parameter does, or
   * at a blank: what follows it, such as the cause of an error, is kept, and so is one mark of
   * punctuation that ends a sentence's URL ({@code jdbc:...&password=***: FATAL: ...}).
   */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile(
          "(?i)(?<![a-z0-9])([a-z_.\\-]*(?:password|passwd|pwd)=)([^&;\\s]*?)"
              + "(?=[:,.)}\\]'\"]?(?:[&;\\s]|$))");

  /**
   * What Retort's own advice writes for a password, as in {@code postgres://USER:PASSWORD@HOST}.
   */
  private static final String PLACEHOLDER = "PASSWORD";

  private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

  private SafeText() {}

  /**
   * {@code text} with every password of a URL in it replaced by {@code ***}: the one in {@code
   * //user:password@host} (even with an unencoded {@code /}, {@code #} or {@code @} in it), in
   * {@code jdbc:oracle:thin:user/password@host}, and the value of every {@code ...password=},
   * {@code ...passwd=} and {@code ...pwd=} parameter, however many there are. Where a password
   * cannot be told from what follows it, more is masked, never less. The placeholder {@code
   * PASSWORD}, in capitals, is left as it is, so that advice such as {@code
   * postgres://USER:PASSWORD@HOST/DB} reads as written.
   */
  public static String mask(String text) {
    if (text == null) return null;
    String masked = masked(USER_INFO, text);
    masked = masked(ORACLE, masked);
    return masked(PASSWORD_PARAMETER, masked);
  }

  /** {@code text} with group 2 of each match of {@code secret}, the password, masked. */
  private static String masked(Pattern secret, String text) {
    return secret
        .matcher(text)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    m.group(2).equals(PLACEHOLDER) ? m.group() : m.group(1) + "***"));
  }

  /**
   * {@code text} on one line: each line break, with the blanks around it, becomes one space, as
   * messages that quote SQL or a driver's multi-line error need.
   */
  public static String oneLine(String text) {
    return LINE_BREAK.matcher(String.valueOf(text).strip()).replaceAll(" ");
  }
}
