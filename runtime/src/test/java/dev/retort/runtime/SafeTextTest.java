package dev.retort.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SafeText#mask}, credential form by credential form; the tests under {@code
 * integration-tests/.../reliability/SecretsTest} follow the same forms through the API, the command
 * line and the log, and the sample's tests through the sample.
 */
class SafeTextTest {

  static Stream<Arguments> everyCredentialForm() {
    return Stream.of(
        form("jdbc:postgresql://user:secret@host/db", "jdbc:postgresql://user:***@host/db"),
        form("postgres://user:se/cret@host/db", "postgres://user:***@host/db"),
        form("postgres://user:se#cret@host:5432/db", "postgres://user:***@host:5432/db"),
        form("postgres://user:se?cret@host/db?ssl=true", "postgres://user:***@host/db?ssl=true"),
        form("postgres://user:p@ss@[::1]:5432/db", "postgres://user:***@[::1]:5432/db"),
        form(
            "postgresql://me@corp:pw@h1:5432,h2:5433/db",
            "postgresql://me@corp:***@h1:5432,h2:5433/db"),
        form("postgresql://user:pw@/db?host=/run/pg", "postgresql://user:***@/db?host=/run/pg"),
        form("redis://:Sekret@cache:6379", "redis://:***@cache:6379"),
        form(
            "jdbc:postgresql://h/db?user=app&password=secret&ssl=true",
            "jdbc:postgresql://h/db?user=app&password=***&ssl=true"),
        form(
            "jdbc:sqlserver://h;user=app;password=secret;db=x",
            "jdbc:sqlserver://h;user=app;password=***;db=x"),
        form(
            "jdbc:mysql://h/db?user=a&password=one&password=two",
            "jdbc:mysql://h/db?user=a&password=***&password=***"),
        form("user=app&password=secret", "user=app&password=***"),
        form("{user=app, password=secret}", "{user=app, password=***}"),
        form("jdbcUrl=jdbc:x://h/db?password=secret.", "jdbcUrl=jdbc:x://h/db?password=***."),
        form("?sslpassword=key&PWD=x&Passwd=y", "?sslpassword=***&PWD=***&Passwd=***"),
        form("ssl.key.password=k", "ssl.key.password=***"),
        form(
            "jdbc:oracle:thin:scott/tiger@db:1521/orcl", "jdbc:oracle:thin:scott/***@db:1521/orcl"),
        form(
            "Unable to parse URL jdbc:postgresql://h:1/db?password=sec%ZZret",
            "Unable to parse URL jdbc:postgresql://h:1/db?password=***"));
  }

  private static Arguments form(String text, String masked) {
    return Arguments.of(text, masked);
  }

  @ParameterizedTest
  @MethodSource("everyCredentialForm")
  void masksEveryCredentialForm(String text, String masked) {
    assertEquals(masked, SafeText.mask(text));
    assertEquals(masked, SafeText.mask(masked), "masking twice changes nothing");
  }

  /** The mask ends with the password: the cause that follows it is what the reader needs. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "FATAL: password authentication failed for user \"app\"",
        "FATAL: database \"nosuch\" does not exist",
        "No suitable driver found for jdbc:mysql://h/db?user=a",
        "the database is read-only"
      })
  void keepsTheCauseAfterTheUrl(String cause) {
    assertEquals(
        "could not connect to jdbc:x://h/db?user=a&password=***: " + cause + "; check it",
        SafeText.mask(
            "could not connect to jdbc:x://h/db?user=a&password=s3cr3t: " + cause + "; check it"));
    assertEquals(
        "could not connect to postgres://a:***@h/db (" + cause + ")",
        SafeText.mask("could not connect to postgres://a:se/cret@h/db (" + cause + ")"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://localhost:5432/app?user=a&ssl=true",
        "jdbc:postgresql://[::1]:5432/app",
        "jdbc:sqlite:/tmp/x/app.db?open_mode=1",
        "mail admin@example.com about http://example.com/a:b",
        "FATAL: password authentication failed for user \"app\"",
        "no revision 'a1'; did you mean a2?",
        "write postgres://USER:PASSWORD@HOST/DB or jdbc:postgresql://HOST/DB?password=PASSWORD"
      })
  void leavesTextWithoutPasswordsAlone(String text) {
    assertEquals(text, SafeText.mask(text));
  }
}
