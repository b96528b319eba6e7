package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.RetortException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  @Test
  void optionFirstThenEnvironmentThenDefault() {
    Map<String, String> env = Map.of("DATABASE_URL", "jdbc:sqlite:env.db");
    Optional<String> fallback = Optional.of("jdbc:sqlite:default.db");
    assertEquals(
        Optional.of("jdbc:sqlite:flag.db"),
        DatabaseUrl.resolve(Optional.of("jdbc:sqlite:flag.db"), env, fallback));
    assertEquals(
        Optional.of("jdbc:sqlite:env.db"), DatabaseUrl.resolve(Optional.empty(), env, fallback));
    assertEquals(
        Optional.of("jdbc:sqlite:default.db"),
        DatabaseUrl.resolve(Optional.empty(), Map.of("DATABASE_URL", " "), fallback));
    assertEquals(
        Optional.empty(), DatabaseUrl.resolve(Optional.empty(), Map.of(), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"current", "upgrade heads", "upgrade --sql heads"})
  void anotherDatabaseIsNamedAsUnsupportedBeforeAnythingConnects(String command) {
    String url = "jdbc:mysql://db/app?user=app&password=Sekret";
    Cli.Result result =
        Cli.of(Graphs.line(), null).run((command + " --url " + url).split(" "));
    assertEquals(1, result.exit());
    assertEquals(
        "FAILED: Retort supports PostgreSQL (jdbc:postgresql://HOST/DB) and SQLite"
            + " (jdbc:sqlite:FILE), not a jdbc:mysql: URL\n",
        result.err());
  }

  @Test
  void anotherDatabaseInTheEnvironmentIsUnsupported() {
    RetortException e =
        assertThrows(
            RetortException.class,
            () ->
                DatabaseUrl.fromEnvironment(
                    Map.of("DATABASE_URL", "jdbc:oracle:thin:@db:1521/app"), "jdbc:sqlite:x.db"));
    assertEquals(
        "Retort supports PostgreSQL (jdbc:postgresql://HOST/DB) and SQLite (jdbc:sqlite:FILE),"
            + " not a jdbc:oracle: URL",
        e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "jdbc:postgresql://db/app",
        "jdbc:sqlite:./data/app.db",
        "jdbc:otel:postgresql://db/app",
        "jdbc:p6spy:sqlite:./data/app.db",
        "jdbc:tc:postgresql:16:///app"
      })
  void postgresqlAndSqliteAreSupportedAlsoBehindAWrappingDriver(String url) {
    assertEquals(url, DatabaseUrl.supported(url));
  }

  @Test
  void aWrappingDriverDoesNotMakeAnotherDatabaseSupported() {
    RetortException e =
        assertThrows(
            RetortException.class, () -> DatabaseUrl.supported("jdbc:p6spy:mysql://db/app"));
    assertEquals(
        "Retort supports PostgreSQL (jdbc:postgresql://HOST/DB) and SQLite (jdbc:sqlite:FILE),"
            + " not a jdbc:p6spy: URL",
        e.getMessage());
  }

  @Test
  void jdbcUrlIsKept() {
    assertEquals(
        "jdbc:postgresql://db:5432/app?user=a",
        DatabaseUrl.toJdbc(" jdbc:postgresql://db:5432/app?user=a "));
  }

  @Test
  void platformStylePostgresUrlBecomesJdbc() {
    assertEquals(
        "jdbc:postgresql://db.example.com:5433/jobs?sslmode=require&user=app&password=s%40cr%2Bt",
        DatabaseUrl.toJdbc("postgres://app:s%40cr+t@db.example.com:5433/jobs?sslmode=require"));
    assertEquals(
        "jdbc:postgresql://localhost/jobs", DatabaseUrl.toJdbc("postgresql://localhost/jobs"));
    assertEquals(
        "jdbc:postgresql://localhost/jobs?user=me",
        DatabaseUrl.toJdbc("postgresql://me@localhost/jobs"));
  }

  @Test
  void otherUrlsAreRefusedNamingOnlyTheirScheme() {
    RetortException e =
        assertThrows(RetortException.class, () -> DatabaseUrl.toJdbc("mysql://root:secret@h/db"));
    assertEquals(
        "the database URL must be a JDBC URL (jdbc:postgresql://HOST/DB, jdbc:sqlite:FILE) or"
            + " postgres://USER:PASSWORD@HOST/DB; got a mysql: URL",
        e.getMessage());
    // Not a character of what follows the scheme: redis://:Sek... was the start of the password.
    assertEquals(
        "the database URL must be a JDBC URL (jdbc:postgresql://HOST/DB, jdbc:sqlite:FILE) or"
            + " postgres://USER:PASSWORD@HOST/DB; got a redis: URL",
        assertThrows(RetortException.class, () -> DatabaseUrl.toJdbc("redis://:Sekret@cache:6379"))
            .getMessage());
    assertTrue(
        assertThrows(RetortException.class, () -> DatabaseUrl.toJdbc("Sekret@cache/db"))
            .getMessage()
            .endsWith("; got one without a scheme"));
    assertTrue(
        assertThrows(RetortException.class, () -> DatabaseUrl.toJdbc(" "))
            .getMessage()
            .endsWith("; got an empty one"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgres://user:se/cret@host/db",
        "postgres://user:se#cret@host/db",
        "postgresql://user:se?cret@host/db",
        "postgres://user:p@ss/cret@host/db"
      })
  void aPasswordWithAnUnencodedSlashQuestionMarkOrHashIsRefusedMasked(String url) {
    RetortException e = assertThrows(RetortException.class, () -> DatabaseUrl.toJdbc(url));
    assertEquals(
        "the database URL "
            + url.substring(0, url.indexOf(":", url.indexOf("//")) + 1)
            + "***@host/db has an '@' after the host: percent-encode '/' as %2F, '?' as %3F, '#'"
            + " as %23 and '@' as %40 in the password (and write an '@' elsewhere as %40)",
        e.getMessage());
  }

  @Test
  void anEncodedPasswordWithThoseCharactersIsConverted() {
    assertEquals(
        "jdbc:postgresql://host/db?user=user&password=se%2F%23%3F%40cret",
        DatabaseUrl.toJdbc("postgres://user:se%2F%23%3F%40cret@host/db"));
  }

  @Test
  void malformedPostgresUrlDoesNotQuoteThePassword() {
    RetortException e =
        assertThrows(
            RetortException.class, () -> DatabaseUrl.toJdbc("postgres://app:pa ss@host/db"));
    assertFalse(e.getMessage().contains("pa ss"), e.getMessage());
  }
}
