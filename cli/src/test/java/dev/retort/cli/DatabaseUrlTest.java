package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.RetortException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
  void otherUrlsAreRefusedWithoutShowingThem() {
    RetortException e =
        assertThrows(RetortException.class, () -> DatabaseUrl.toJdbc("mysql://root:secret@h/db"));
    assertEquals(
        "the database URL must be a JDBC URL (jdbc:postgresql://HOST/DB, jdbc:sqlite:FILE) or"
            + " postgres://USER:PASSWORD@HOST/DB; got one starting 'mysql://root'",
        e.getMessage());
  }

  @Test
  void malformedPostgresUrlDoesNotQuoteThePassword() {
    RetortException e =
        assertThrows(
            RetortException.class, () -> DatabaseUrl.toJdbc("postgres://app:pa ss@host/db"));
    assertFalse(e.getMessage().contains("pa ss"), e.getMessage());
  }
}
