package dev.retort.processor.validation;

import dev.retort.processor.Message;
import dev.retort.processor.model.RevisionModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Where a finding about a revision is reported. A revision of this compilation gets it on its own
 * annotation. One known only from metadata (compiled earlier, or in another module) has no source
 * to point at, so the finding goes to the revision of this compilation that names its id in {@code
 * revises} or {@code dependsOn}, on that value; else to one that declares the same id; else to the
 * first revision of this compilation.
 */
final class Places {

  private static final List<String> EDGES = List.of("revises", "dependsOn");

  private final List<RevisionModel> compiled;

  /** Places among {@code compiled}, the revisions of this compilation sorted by id. */
  Places(List<RevisionModel> compiled) {
    this.compiled = compiled;
  }

  /** {@code text} of {@code message} about {@code revision}, at {@code value} when it has one. */
  Finding at(
      RevisionModel revision, Optional<AnnotationValue> value, Message message, String text) {
    if (revision.mirror().isPresent()) {
      return Finding.at(revision.element(), revision.mirror().get(), value, message, text);
    }
    for (RevisionModel r : compiled) {
      for (String edge : EDGES) {
        if (r.idsOf(edge).contains(revision.id())) {
          return on(r, r.item(edge, revision.id()), message, text);
        }
      }
    }
    for (RevisionModel r : compiled) {
      if (r.id().equals(revision.id())) return on(r, r.value("id"), message, text);
    }
    return compiled.isEmpty()
        ? new Finding(message.kind(), text, revision.element(), Optional.empty(), Optional.empty())
        : on(compiled.get(0), Optional.empty(), message, text);
  }

  private static Finding on(
      RevisionModel r, Optional<AnnotationValue> value, Message message, String text) {
    return Finding.at(r.element(), r.mirror().orElseThrow(), value, message, text);
  }
}
