package dev.retort.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * The PostgreSQL server of a test JVM: started on first use, stopped at exit, one database per
 * test. {@code RETORT_TEST_PG_URL} (a URL to a database whose user may create databases) points the
 * same tests at another server instead.
 *
 * <p>PostgreSQL refuses to run as root. As root, zonky runs its programs under {@code unshare -U}
 * where user namespaces exist; {@link RootlessBinaries} covers machines without them.
 */
public final class EmbeddedPostgresql {

  private static final String EXTERNAL = System.getenv("RETORT_TEST_PG_URL");

  private static EmbeddedPostgres server;

  private EmbeddedPostgresql() {}

  /** Creates database {@code name} and returns its URL. */
  public static synchronized String freshDatabase(String name) throws SQLException {
    String admin = EXTERNAL != null ? EXTERNAL : embedded().getJdbcUrl("postgres", "postgres");
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  private static EmbeddedPostgres embedded() {
    if (server == null) {
      try {
        server =
            builder()
                .setServerConfig("max_connections", "200")
                // Durability is not what the tests check: the crash tests kill the client JVM,
                // never the server.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
    }
    return server;
  }

  /**
   * A builder for a server with PostgreSQL's default settings in a fresh data directory, able to
   * start as root.
   */
  public static EmbeddedPostgres.Builder builder() {
    Path data = RootlessBinaries.workingDirectory().resolve("retort-" + UUID.randomUUID());
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            // Under zonky's working directory, a server orphaned by a killed JVM is cleaned up by a
            // later start.
            .setDataDirectory(data)
            .setPGStartupWait(Duration.ofSeconds(60));
    if (RootlessBinaries.needed()) builder.setPgBinaryResolver(RootlessBinaries.INSTANCE);
    return builder;
  }
}
