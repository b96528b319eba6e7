package dev.retort.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of this test JVM (as in the integration tests): started on first use,
 * stopped at exit, one database per test. {@code RETORT_TEST_PG_URL} (a URL to a database whose
 * user may create databases) points the same tests at another server instead.
 */
final class PostgresServer {

  private static final String EXTERNAL = System.getenv("RETORT_TEST_PG_URL");
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private static EmbeddedPostgres server;

  private PostgresServer() {}

  /** Creates a new database and returns its URL. */
  static synchronized String freshDatabase() throws SQLException {
    String name = "sample_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    String admin = EXTERNAL != null ? EXTERNAL : embedded().getJdbcUrl("postgres", "postgres");
    Sql.execute(admin, "CREATE DATABASE " + name);
    return admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  private static EmbeddedPostgres embedded() {
    if (server == null) {
      try {
        Path data = RootlessBinaries.workingDirectory().resolve("retort-" + UUID.randomUUID());
        EmbeddedPostgres.Builder builder =
            EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        if (RootlessBinaries.needed()) builder.setPgBinaryResolver(RootlessBinaries.INSTANCE);
        server = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
    }
    return server;
  }
}
