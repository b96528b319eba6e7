package dev.retort.processor.model;

import dev.retort.graph.GraphNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Revision} class as read from the compilation: its values, and where each value sits
 * in the source so that a diagnostic can point at it.
 *
 * @param element the annotated class
 * @param mirror the {@code @Revision} annotation on it
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
 */
public record RevisionModel(
    TypeElement element,
    AnnotationMirror mirror,
    String id,
    List<String> revises,
    List<String> dependsOn,
    List<String> branchLabels,
    String description,
    boolean transactional,
    Optional<String> irreversibleReason,
    Optional<AnnotationMirror> irreversible,
    String checksum,
    Map<String, AnnotationValue> explicitValues) {

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
