package dev.retort.sample.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged sample, AOT-processed at build time ({@code spring-boot:process-aot}), starts on the
 * JVM with {@code -Dspring.aot.enabled=true}, as a native image would run its generated context:
 * Retort migrates the default SQLite file and the application serves books.
 */
class AotStartIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void theAotProcessedApplicationStartsAndMigrates() throws Exception {
    Path jar = Path.of(System.getProperty("retort.sample.jar"));
    assertTrue(Files.isRegularFile(jar), "run through mvn verify, which packages " + jar);
    int port = freePort();
    Path log = dir.resolve("app.log");
    Process app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dspring.aot.enabled=true",
                "-jar",
                jar.toString(),
                "--server.port=" + port)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      awaitStart(app, log);
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertTrue(output.contains("Starting AOT-processed BookshelfApp"), output);
      assertTrue(output.contains("Upgraded 9a4f2b61c8e0 (shelve books)"), output);

      HttpResponse<String> added =
          Http.postJson(port, "/books", "{\"title\": \"Emma\", \"author\": \"Jane Austen\"}");
      assertEquals(200, added.statusCode(), added.body());
      HttpResponse<String> revisions = Http.get(port, "/actuator/retort");
      assertEquals(200, revisions.statusCode(), revisions.body());
      assertTrue(revisions.body().contains("\"heads\":[\"9a4f2b61c8e0\"]"), revisions.body());
    } finally {
      app.destroy();
      app.waitFor();
    }
    String database = "jdbc:sqlite:" + dir.resolve("bookshelf.db");
    assertEquals(
        List.of("9a4f2b61c8e0"),
        TestDatabase.column(database, "SELECT version_num FROM retort_version"));
    assertEquals(List.of("Emma"), TestDatabase.column(database, "SELECT title FROM book"));
  }

  /**
   * What a native image would need of Retort is in the metadata the AOT processing wrote into the
   * jar: the detector Boot instantiates from spring.factories and the endpoint's JSON types. No
   * migration class is in it: the generated registry creates them with {@code new}.
   */
  @Test
  void theJarCarriesTheNativeImageMetadataRetortNeeds() throws Exception {
    String metadata;
    try (JarFile jar = new JarFile(System.getProperty("retort.sample.jar"))) {
      JarEntry entry =
          jar.getJarEntry(
              "META-INF/native-image/dev.retort/retort-sample-boot/reachability-metadata.json");
      assertTrue(entry != null, "no reachability metadata in the jar");
      metadata = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String type :
        List.of(
            "dev.retort.boot.RetortDatabaseInitializerDetector",
            "dev.retort.boot.actuate.RetortEndpoint$RetortReport",
            "dev.retort.boot.actuate.RetortEndpoint$RevisionReport")) {
      assertTrue(metadata.contains("\"" + type + "\""), type + " is not in the metadata");
    }
    assertFalse(
        metadata.contains("dev.retort.sample.boot.db."), "a migration class is reflected on");
  }

  private static void awaitStart(Process app, Path log) throws Exception {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (output.contains("Started BookshelfApp")) return;
      if (!app.isAlive()) throw new AssertionError("the application stopped:\n" + output);
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the application did not start in " + START_TIMEOUT + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
