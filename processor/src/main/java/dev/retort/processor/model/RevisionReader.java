package dev.retort.processor.model;

import dev.retort.processor.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads {@code @Revision} classes into {@link RevisionModel}s through annotation mirrors. */
public final class RevisionReader {

  private final Elements elements;
  private final SourceFiles files;
  private final SourceChecksum checksums;

  /** A reader for the compilation of {@code env}. */
  public RevisionReader(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.files = new SourceFiles(env);
    this.checksums = new SourceChecksum(files);
  }

  /** Whether the compiler read {@code type} from its class file rather than from a source. */
  public boolean fromClassFile(TypeElement type) {
    return files.fromClassFile(type);
  }

  /** The model of {@code type}, or empty when it carries no {@code @Revision}. */
  public Optional<RevisionModel> read(TypeElement type) {
    return annotation(type, Names.REVISION).map(mirror -> read(type, mirror));
  }

  private RevisionModel read(TypeElement type, AnnotationMirror mirror) {
    Map<String, AnnotationValue> explicit = new HashMap<>();
    mirror.getElementValues().forEach((k, v) -> explicit.put(k.getSimpleName().toString(), v));
    Map<String, Object> all = new HashMap<>();
    elements
        .getElementValuesWithDefaults(mirror)
        .forEach((k, v) -> all.put(k.getSimpleName().toString(), v.getValue()));
    Optional<AnnotationMirror> irreversible = annotation(type, Names.IRREVERSIBLE);
    return new RevisionModel(
        type,
        Optional.of(mirror),
        string(all.get("id")),
        strings(all.get("revises")),
        strings(all.get("dependsOn")),
        strings(all.get("branchLabels")),
        string(all.get("description")),
        !Boolean.FALSE.equals(all.get("transactional")),
        irreversible.map(m -> string(valueOf(m, "value"))),
        irreversible,
        checksums.of(type),
        Map.copyOf(explicit),
        RevisionModel.Origin.COMPILED);
  }

  private Object valueOf(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) return e.getValue().getValue();
    }
    return null;
  }

  private static Optional<AnnotationMirror> annotation(TypeElement type, String name) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotationType.getQualifiedName().contentEquals(name)) return Optional.of(mirror);
    }
    return Optional.empty();
  }

  private static String string(Object value) {
    return value instanceof String s ? s : "";
  }

  private static List<String> strings(Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof AnnotationValue av && av.getValue() instanceof String s) result.add(s);
      }
    }
    return List.copyOf(result);
  }
}
