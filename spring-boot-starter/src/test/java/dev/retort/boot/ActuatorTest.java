package dev.retort.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.boot.app.LibraryApp;
import dev.retort.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The actuator endpoint {@code retort} and the health contributor, over HTTP. */
class ActuatorTest {

  private static final TestDatabase SQLITE = TestDatabase.SQLITE;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void theEndpointListsTheRevisionsAndHeadsAndHealthIsUp() throws Exception {
    try (ConfigurableApplicationContext app = startWeb(List.of(LibraryApp.class))) {
      Response retort = get(app, "/actuator/retort");
      assertEquals(200, retort.status(), retort.body().toString());
      // When, by the database's clock, and who: the database user, else the OS user.
      for (JsonNode revision : retort.body().get("revisions")) {
        assertTrue(revision.get("appliedAt").asString().startsWith("20"), revision.toString());
        assertFalse(revision.get("appliedBy").asString().isBlank(), revision.toString());
        ((ObjectNode) revision).remove(List.of("appliedAt", "appliedBy"));
      }
      assertEquals(
          JSON.readTree(
              """
              {"current": ["b27e01"], "heads": ["b27e01"], "drifted": [], "incomplete": [],
               "revisions": [
                 {"id": "b27e01", "description": "add book.author", "branchLabels": [],
                  "revises": ["a1f3c9"], "dependsOn": [], "applied": true,
                  "appliedHow": "upgrade"},
                 {"id": "a1f3c9", "description": "create books", "branchLabels": [],
                  "revises": [], "dependsOn": [], "applied": true, "appliedHow": "upgrade"}]}
              """),
          retort.body());

      Response health = get(app, "/actuator/health/retort");
      assertEquals(200, health.status(), health.body().toString());
      assertEquals("UP", health.body().get("status").asString());
    }
  }

  @Test
  void aBehindDatabaseShowsPendingRevisionsAndHealthIsDown() throws Exception {
    try (ConfigurableApplicationContext app =
        startWeb(
            List.of(LibraryApp.class, HooksTest.FirstRevisionOnly.class),
            "spring.jpa.hibernate.ddl-auto=none")) {
      Response retort = get(app, "/actuator/retort");
      assertEquals(200, retort.status(), retort.body().toString());
      JsonNode revisions = retort.body().get("revisions");
      assertEquals("b27e01", revisions.get(0).get("id").asString());
      assertEquals(false, revisions.get(0).get("applied").asBoolean());
      assertTrue(revisions.get(0).get("appliedAt").isNull(), revisions.toString());
      assertEquals(true, revisions.get(1).get("applied").asBoolean());

      Response health = get(app, "/actuator/health/retort");
      assertEquals(503, health.status(), health.body().toString());
      assertEquals("DOWN", health.body().get("status").asString());
      assertEquals(JSON.readTree("[\"b27e01\"]"), health.body().get("details").get("pending"));
    }
  }

  private ConfigurableApplicationContext startWeb(List<Class<?>> sources, String... properties)
      throws Exception {
    List<String> all =
        new ArrayList<>(
            List.of(
                "spring.main.web-application-type=servlet",
                "server.port=0",
                "management.endpoints.web.exposure.include=retort,health",
                "management.endpoint.health.show-details=always"));
    all.addAll(List.of(properties));
    return BootApps.start(SQLITE, SQLITE.freshUrl(dir), sources, all.toArray(String[]::new));
  }

  private record Response(int status, JsonNode body) {}

  private static Response get(ConfigurableApplicationContext app, String path) throws Exception {
    String port = app.getEnvironment().getRequiredProperty("local.server.port");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), JSON.readTree(response.body()));
  }
}
