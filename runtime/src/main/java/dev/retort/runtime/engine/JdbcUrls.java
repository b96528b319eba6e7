package dev.retort.runtime.engine;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe to log: passwords are masked wherever a URL may carry one. */
public final class JdbcUrls {

  private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;](?:password|pwd|sslpassword)=)[^&;]*");

  private JdbcUrls() {}

  /** {@code url} with every password replaced by {@code ***}. */
  public static String mask(String url) {
    if (url == null) return null;
    String masked = USER_INFO.matcher(url).replaceAll("//$1:***@");
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
  }
}
