package dev.retort.it;

import static dev.retort.testkit.RevisionSpec.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.runtime.Retort;
import dev.retort.cli.RetortCli;
import dev.retort.testkit.RegistryCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime, the command line and the generated registry must work where reflection and scanning
 * do not (native images, jlink): their bytecode may not reference reflection, class loading by
 * name, service loading or resource listing.
 */
class NoReflectionTest {

  private static final List<String> FORBIDDEN =
      List.of(
          "java/lang/reflect/",
          "java/lang/Class.forName",
          "java/lang/Class.getMethod",
          "java/lang/Class.getDeclared",
          "java/lang/Class.newInstance",
          "java/lang/invoke/MethodHandles$Lookup.find",
          "java/util/ServiceLoader",
          "java/lang/ClassLoader.getResource",
          "java/lang/ClassLoader.getSystemResource",
          "java/lang/Class.getResource");

  @TempDir Path dir;

  @Test
  void theRuntimeReferencesNoReflectionOrScanning() throws Exception {
    Path runtimeClasses =
        Path.of(Retort.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    List<String> offences = offences(runtimeClasses);

    assertEquals(List.of(), offences);
  }

  @Test
  void theCommandLineReferencesNoReflectionOrScanning() throws Exception {
    Path cliClasses =
        Path.of(RetortCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    List<String> offences = offences(cliClasses);

    assertEquals(List.of(), offences);
  }

  @Test
  void theApiThatGeneratedRegistriesCallReferencesNoReflectionOrScanning() throws Exception {
    Path apiClasses =
        Path.of(
            dev.retort.GeneratedRegistry.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());

    List<String> offences = offences(apiClasses);

    assertEquals(List.of(), offences);
  }

  @Test
  void theGeneratedRegistryReferencesNoReflectionOrScanning() throws Exception {
    RegistryCompiler.compile(dir, List.of(table("a"), table("b", "a")));
    Path classes = dir.resolve("classes");

    assertTrue(Files.exists(classes.resolve("it/generated/Registry.class")));
    assertEquals(List.of(), offences(classes));
  }

  @Test
  void theScanFindsReflectionWhereItIsUsed() throws Exception {
    Path ownClasses =
        Path.of(NoReflectionTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    assertTrue(
        offences(ownClasses).stream()
            .anyMatch(o -> o.contains("java/lang/invoke/MethodHandles$Lookup.findStatic")),
        "the test's own RegistryCompiler uses a method handle, which the scan must see");
  }

  /** Offences in a folder of class files or a jar. */
  private static List<String> offences(Path location) throws IOException, URISyntaxException {
    if (Files.isDirectory(location)) return offencesIn(location);
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return offencesIn(jar.getPath("/"));
    }
  }

  private static List<String> offencesIn(Path classes) throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          for (String reference : ClassReferences.of(in)) {
            if (FORBIDDEN.stream().anyMatch(reference::startsWith)) {
              offences.add(classes.relativize(file) + " -> " + reference);
            }
          }
        }
      }
    }
    return offences;
  }
}
