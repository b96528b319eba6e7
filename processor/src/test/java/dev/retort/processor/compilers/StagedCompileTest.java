package dev.retort.processor.compilers;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.processor.ByName;
import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles as an IDE or a partial build does: first everything, then only what changed, with the
 * first output folder on the class path. The processor sees the revisions it does not compile
 * through the metadata the first compile left there, so the second gives exactly the registry and
 * the errors a compile of every source gives.
 */
class StagedCompileTest {

  /**
   * Without {@code -Xlint:processing}: javac's lint warns that a file for a type it finds on the
   * class path already exists, which the registry and its metadata of the first compile are.
   */
  private static final List<String> OPTIONS = List.of("-Aretort.registry=p.Migrations");
  private static final String REGISTRY = "p/Migrations.java";
  private static final String METADATA = "dev/retort/aggregated/p_Migrations.java";

  @Test
  void theChangedFileAloneGivesTheRegistryOfACompileOfEverything(@TempDir Path dir)
      throws IOException {
    List<Path> files = firstCompile(dir);
    UsersGraph.edit(dir.resolve("src"), "AddPhone", "ADD COLUMN phone", "ADD COLUMN mobile");

    ByName partial = partial(dir, "AddPhone");
    ByName full = javac(files, dir.resolve("full"));

    assertThat(partial.diagnostics()).isEmpty();
    assertThat(partial.success()).isTrue();
    assertThat(partial.generated(REGISTRY)).isEqualTo(full.generated(REGISTRY));
    assertThat(partial.generated(METADATA)).isEqualTo(full.generated(METADATA));
    assertThat(partial.generated(REGISTRY)).contains("\"p.AddEmail\", \"v2:");
  }

  @Test
  void aTypoInTheChangedFileNamesTheIdsOfRevisionsItDoesNotCompile(@TempDir Path dir)
      throws IOException {
    List<Path> files = firstCompile(dir);
    UsersGraph.edit(dir.resolve("src"), "AddPhone", "revises = {\"b2\"}", "revises = {\"b3\"}");

    List<String> partial = errors(partial(dir, "AddPhone"));

    assertThat(partial).isEqualTo(errors(javac(files, dir.resolve("full"))));
    assertThat(partial)
        .containsExactly(
            "AddPhone.java:5 [Retort/MissingRevision] revision 'c3' revises 'b3', which no"
                + " revision declares; did you mean 'b2' or 'c3' or 'a1'?");
  }

  @Test
  void headsCountTheRevisionsItDoesNotCompile(@TempDir Path dir) throws IOException {
    List<Path> files = firstCompile(dir);
    UsersGraph.edit(dir.resolve("src"), "AddPhone", "revises = {\"b2\"}", "revises = {\"a1\"}");

    List<String> partial = errors(partial(dir, "AddPhone"));

    assertThat(partial).isEqualTo(errors(javac(files, dir.resolve("full"))));
    assertThat(partial).hasSize(1);
    assertThat(partial.get(0)).startsWith("AddPhone.java:5 [Retort/MultipleHeads]");
    assertThat(partial.get(0)).contains("'b2', 'c3'");
  }

  /**
   * What the metadata records comes back as it was: a description with a tab, a line break, a
   * backslash and characters outside the BMP, long enough to take several constants, one pair of
   * surrogates where they would split.
   */
  @Test
  void theMetadataKeepsEveryCharacterOfTheValues(@TempDir Path dir) throws IOException {
    // Escapes as the source writes them; the emoji start at an odd place in the metadata's text.
    String description = "a\\tb\\nc\\\\ x" + "\uD83D\uDE00".repeat(10_000);
    List<Path> files = UsersGraph.write(dir.resolve("src"));
    String withDescription = "description = \"" + description + "\", id = \"a1\"";
    UsersGraph.edit(dir.resolve("src"), "CreateUsers", "id = \"a1\"", withDescription);
    ByName first = javac(files, dir.resolve("first"));
    assertThat(first.success()).isTrue();
    assertThat(first.generated(METADATA)).contains("ROWS_1");

    ByName partial = partial(dir, "AddPhone");

    // The registry holds the description as the compile of every source reads it.
    assertThat(partial.success()).isTrue();
    assertThat(partial.generated(REGISTRY))
        .isEqualTo(javac(files, dir.resolve("full")).generated(REGISTRY));
  }

  /**
   * A revision whose source and class are gone is forgotten, though the metadata of the first
   * compile still lists it: the revision that revised it is now an error, as in a full compile.
   */
  @Test
  void aDeletedRevisionIsForgotten(@TempDir Path dir) throws IOException {
    List<Path> files = firstCompile(dir);
    Files.delete(dir.resolve("src/p/AddEmail.java"));
    Files.delete(dir.resolve("first/p/AddEmail.class"));
    files.remove(dir.resolve("src/p/AddEmail.java"));
    assertThat(Files.readString(dir.resolve("first").resolve(METADATA))).contains("p.AddEmail");

    List<String> partial = errors(partial(dir, "AddPhone"));

    assertThat(partial).isEqualTo(errors(javac(files, dir.resolve("full"))));
    assertThat(partial)
        .containsExactly(
            "AddPhone.java:5 [Retort/MissingRevision] revision 'c3' revises 'b2', which no"
                + " revision declares; did you mean 'a1' or 'c3'?");
  }

  /** Compiles the graph into {@code dir/first}; its sources are in {@code dir/src}. */
  private static List<Path> firstCompile(Path dir) throws IOException {
    List<Path> files = UsersGraph.write(dir.resolve("src"));
    ByName first = javac(files, dir.resolve("first"));
    assertThat(first.diagnostics()).isEmpty();
    assertThat(first.success()).isTrue();
    return files;
  }

  private static ByName partial(Path dir, String changed) {
    return ByName.compile(
        new RevisionProcessor(),
        OPTIONS,
        dir.resolve("first"),
        List.of(),
        List.of(dir.resolve("src/p/" + changed + ".java")),
        dir.resolve("partial"));
  }

  private static ByName javac(List<Path> files, Path out) {
    return ByName.compile(
        new RevisionProcessor(), OPTIONS, out.resolveSibling("none"), List.of(), files, out);
  }

  private static List<String> errors(ByName compilation) {
    assertThat(compilation.success()).isFalse();
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(Ecj::shown)
        .toList();
  }
}
