package dev.retort.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The jar carries the metadata an IDE completes {@code retort.*} properties from. */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribed() throws Exception {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertNotNull(in, "no configuration metadata in the starter's classes");
      metadata = JsonMapper.builder().build().readTree(in);
    }
    List<String> described = new ArrayList<>();
    for (JsonNode property : metadata.get("properties")) {
      String name = property.get("name").asString();
      if (name.startsWith("retort.") && property.hasNonNull("description")) described.add(name);
    }
    assertEquals(
        List.of(
            "retort.accept-checksum-drift",
            "retort.enabled",
            "retort.lock-timeout",
            "retort.mode",
            "retort.password",
            "retort.schema",
            "retort.startup-retry.attempts",
            "retort.startup-retry.backoff",
            "retort.target",
            "retort.url",
            "retort.user",
            "retort.version-table"),
        described.stream().sorted().toList());
  }
}
