package dev.retort.sample.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample on a SQLite file and on PostgreSQL, named by {@code DATABASE_URL}: Retort migrates,
 * Hibernate validates the entity, and the web application stores and lists books.
 */
class BookshelfAppTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migratesAndServesBooks(TestDatabase database) throws Exception {
    String url = database.freshUrl(dir);
    try (ConfigurableApplicationContext app =
        SpringApplication.run(BookshelfApp.class, "--DATABASE_URL=" + url, "--server.port=0")) {
      int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
      HttpResponse<String> added =
          Http.postJson(
              port, "/books", "{\"title\": \"Middlemarch\", \"author\": \"George Eliot\"}");
      assertEquals(200, added.statusCode(), added.body());
      HttpResponse<String> listed = Http.get(port, "/books?shelf=unsorted");
      assertEquals(
          "[{\"title\":\"Middlemarch\",\"author\":\"George"
              + " Eliot\",\"shelf\":\"unsorted\",\"id\":1}]",
          listed.body());
      HttpResponse<String> health = Http.get(port, "/actuator/health/retort");
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    }
    assertEquals(
        List.of("9a4f2b61c8e0"),
        TestDatabase.column(url, "SELECT version_num FROM retort_version"));
  }
}
