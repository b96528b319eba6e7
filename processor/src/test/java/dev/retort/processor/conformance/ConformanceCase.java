package dev.retort.processor.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One case of the Alembic conformance data, reduced to what the processor decides: the revisions
 * and Alembic's heads and bases. See {@code shared/conformance/alembic-1.8.1/README.md}.
 *
 * @param name the case's name, such as {@code case-0012-labelled_branches}
 * @param invalidKind why the graph is invalid, or {@code null} for a valid graph
 * @param mutation what the invalid mutation changed, or an empty map
 * @param revisions the revisions in Alembic's load order
 * @param heads Alembic's heads (revises edges only), sorted; empty for an invalid case
 * @param bases Alembic's bases, sorted; empty for an invalid case
 * @param realHeads heads counting dependsOn edges too; empty for an invalid case
 * @param realBases revisions with neither revises nor dependsOn; empty for an invalid case
 */
record ConformanceCase(
    String name,
    String invalidKind,
    Map<String, Object> mutation,
    List<Rev> revisions,
    List<String> heads,
    List<String> bases,
    List<String> realHeads,
    List<String> realBases) {

  /**
   * One revision as Alembic declared it.
   *
   * @param id its id
   * @param revises Alembic's down_revision
   * @param dependsOn Alembic's depends_on
   * @param branchLabels Alembic's branch_labels
   */
  record Rev(String id, List<String> revises, List<String> dependsOn, List<String> branchLabels) {}

  @SuppressWarnings("unchecked")
  static ConformanceCase read(Path file) throws IOException {
    Map<String, Object> json =
        (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    List<Rev> revisions =
        ((List<Map<String, Object>>) json.get("revisions"))
            .stream()
                .map(
                    r ->
                        new Rev(
                            (String) r.get("id"),
                            strings(r.get("revises")),
                            strings(r.get("dependsOn")),
                            strings(r.get("branchLabels"))))
                .toList();
    Object mutation = json.get("mutation");
    return new ConformanceCase(
        (String) json.get("name"),
        (String) json.get("invalidKind"),
        mutation == null ? Map.of() : (Map<String, Object>) mutation,
        revisions,
        strings(json.get("heads")),
        strings(json.get("bases")),
        strings(json.get("realHeads")),
        strings(json.get("realBases")));
  }

  private static List<String> strings(Object value) {
    if (value == null) return List.of();
    return ((List<?>) value).stream().map(String.class::cast).toList();
  }

  /** The revision the invalid mutation changed, if the data names it. */
  String mutatedRevision() {
    return (String) mutation.get("revision");
  }

  @Override
  public String toString() {
    return name;
  }
}
