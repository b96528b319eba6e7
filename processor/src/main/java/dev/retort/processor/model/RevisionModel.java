package dev.retort.processor.model;

import com.palantir.javapoet.ClassName;
import dev.retort.graph.GraphNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Revision} class: its values and, for a class of this compilation, where each value
 * sits in the source so that a diagnostic can point at it. A class compiled earlier, in this module
 * or in another, is known from its metadata ({@link AggregatedMetadata}) and has no annotation to
 * point at.
 *
 * @param element the annotated class
 * @param mirror the {@code @Revision} annotation on it; empty for a revision known from metadata
 * @param id the declared id
 * @param revises the ids it revises
 * @param dependsOn the ids it depends on
 * @param branchLabels its branch labels
 * @param description its description
 * @param transactional whether it runs in a transaction
 * @param irreversibleReason the {@code @Irreversible} reason, if the class carries one
 * @param irreversible the {@code @Irreversible} annotation, if the class carries one
 * @param checksum the checksum of the class's code (see SourceChecksum), or empty when its source
 *     cannot be read
 * @param explicitValues the values written in the annotation, by attribute name
 * @param origin where the processor learned of the revision
 */
public record RevisionModel(
    TypeElement element,
    Optional<AnnotationMirror> mirror,
    String id,
    List<String> revises,
    List<String> dependsOn,
    List<String> branchLabels,
    String description,
    boolean transactional,
    Optional<String> irreversibleReason,
    Optional<AnnotationMirror> irreversible,
    String checksum,
    Map<String, AnnotationValue> explicitValues,
    Origin origin) {

  /** Where the processor learned of a revision. */
  public enum Origin {
    /** A class of this compilation: from its source, or passed by name as Gradle does. */
    COMPILED,
    /** A class of this module compiled earlier, known from the metadata in the output folder. */
    EARLIER,
    /** A class of another module, known from the metadata in its jar. */
    UPSTREAM
  }

  /** Transactional, in the flags column of a row. */
  private static final char TRANSACTIONAL = 't';

  /** Reversible, in the flags column of a row. */
  private static final char REVERSIBLE = 'r';

  /**
   * The revision's values in the layout of {@code GeneratedRegistry.v1}: id, revises, dependsOn,
   * branchLabels, description, flags, irreversibleReason, className, checksum.
   */
  public List<String> row() {
    StringBuilder flags = new StringBuilder(2);
    if (transactional) flags.append(TRANSACTIONAL);
    if (irreversibleReason.isEmpty()) flags.append(REVERSIBLE);
    return List.of(
        id,
        String.join(" ", revises),
        String.join(" ", dependsOn),
        String.join(" ", branchLabels),
        description,
        flags.toString(),
        irreversibleReason.orElse(""),
        ClassName.get(element).reflectionName(),
        checksum);
  }

  /** The revision of {@code element} whose values are {@code row} (see {@link #row()}). */
  static RevisionModel fromRow(TypeElement element, List<String> row, Origin origin) {
    String flags = row.get(5);
    return new RevisionModel(
        element,
        Optional.empty(),
        row.get(0),
        split(row.get(1)),
        split(row.get(2)),
        split(row.get(3)),
        row.get(4),
        flags.indexOf(TRANSACTIONAL) >= 0,
        flags.indexOf(REVERSIBLE) >= 0 ? Optional.empty() : Optional.of(row.get(6)),
        Optional.empty(),
        row.get(8),
        Map.of(),
        origin);
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split(" "));
  }

  /** The same revision with {@code newChecksum}. */
  RevisionModel withChecksum(String newChecksum) {
    return new RevisionModel(
        element,
        mirror,
        id,
        revises,
        dependsOn,
        branchLabels,
        description,
        transactional,
        irreversibleReason,
        irreversible,
        newChecksum,
        explicitValues,
        origin);
  }

  /** The ids of {@code attribute}, {@code revises} or {@code dependsOn}. */
  public List<String> idsOf(String attribute) {
    return attribute.equals("revises") ? revises : dependsOn;
  }

  /** The revision as the graph sees it. */
  public GraphNode node() {
    return new GraphNode(
        id, revises, dependsOn, branchLabels, element.getQualifiedName().toString());
  }

  /** The value written for {@code attribute}, if it was written. */
  public Optional<AnnotationValue> value(String attribute) {
    return Optional.ofNullable(explicitValues.get(attribute));
  }

  /** The reason written in {@code @Irreversible}, to point at when it is wrong. */
  public Optional<AnnotationValue> irreversibleValue() {
    return irreversible.flatMap(
        m ->
            m.getElementValues().entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
                .map(e -> (AnnotationValue) e.getValue())
                .findFirst());
  }

  /**
   * The array element of {@code attribute} whose value is {@code item}, for pointing at one id in
   * {@code revises = {"a", "b"}}; falls back to the whole attribute's value. For an array of one
   * element, the whole value, which is on the same line: the Eclipse compiler places a diagnostic
   * at an attribute's value, but not at an element of it.
   */
  public Optional<AnnotationValue> item(String attribute, String item) {
    return value(attribute)
        .map(
            v -> {
              if (v.getValue() instanceof List<?> items && items.size() > 1) {
                for (Object o : items) {
                  if (o instanceof AnnotationValue av && item.equals(av.getValue())) return av;
                }
              }
              return v;
            });
  }
}
