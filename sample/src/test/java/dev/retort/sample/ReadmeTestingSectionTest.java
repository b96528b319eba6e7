package dev.retort.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Testing your migrations" shows {@link SampleMigrationsTest} verbatim, so the code
 * it shows is the code these tests run; its commands run in {@link SampleProcessTest}.
 */
class ReadmeTestingSectionTest {

  static final String HEADING = "Testing your migrations";

  @Test
  void theJavaBlockIsTheSampleTestFromItsDeclarationOn() throws Exception {
    ReadmeSection section = ReadmeSection.read(HEADING);
    assertEquals(List.of("java", "sh"), section.languages());
    String source =
        Files.readString(
            Path.of("src/test/java/dev/retort/sample/SampleMigrationsTest.java"),
            StandardCharsets.UTF_8);
    assertEquals(
        source.substring(source.indexOf("class SampleMigrationsTest {")),
        section.blocks("java").get(0));
  }
}
