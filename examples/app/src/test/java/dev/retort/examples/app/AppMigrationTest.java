package dev.retort.examples.app;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application migrates a SQLite file with its own revisions and the library's, in order. */
class AppMigrationTest {

  @Test
  void upgradeAppliesTheLibrarysRevisionsAndTheApplications(@TempDir Path dir) throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("app.db");

    // app7a8b after the library's head it depends on; ties in the graph's order go by id.
    assertThat(App.retort(url).upgrade("heads").revisions())
        .containsExactly("app5e6f", "lib1a2b", "lib3c4d", "app7a8b")
        .inOrder();

    // One version row: the library's head is applied as a dependency of the application's.
    assertThat(App.retort(url).current()).containsExactly("app7a8b");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      // The application's trigger writes the library's column: the library ran first.
      s.execute("INSERT INTO orders (id, total) VALUES (1, 10)");
      s.execute("UPDATE orders SET total = 12 WHERE id = 1");
      try (ResultSet rows = s.executeQuery("SELECT event, actor FROM audit_log")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("event")).isEqualTo("order 1");
        assertThat(rows.getString("actor")).isEqualTo("app");
        assertThat(rows.next()).isFalse();
      }
    }
  }
}
