package dev.retort.processor.validation;

import dev.retort.processor.Message;
import dev.retort.processor.model.RevisionModel;
import java.util.List;

/**
 * A revision whose source could not be read has no checksum, so the runtime cannot tell when it
 * changes after it is applied: a warning says so, rather than switching drift detection off without
 * a word.
 */
final class ChecksumRule {

  List<Finding> check(RevisionModel revision) {
    if (!revision.checksum().isEmpty()) return List.of();
    return List.of(
        Finding.on(
            revision.element(),
            Message.NO_CHECKSUM,
            revision.id(),
            revision.element().getQualifiedName()));
  }
}
