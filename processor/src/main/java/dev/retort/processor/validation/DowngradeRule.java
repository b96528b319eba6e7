package dev.retort.processor.validation;

import dev.retort.processor.Names;
import dev.retort.processor.model.RevisionModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Every revision can be undone, or says why not: it overrides {@code downgrade} (itself or through
 * a superclass), or it is {@code @Irreversible} with a reason.
 */
final class DowngradeRule {

  private final Elements elements;

  DowngradeRule(Elements elements) {
    this.elements = elements;
  }

  List<Finding> check(RevisionModel revision) {
    TypeElement type = revision.element();
    String name = type.getQualifiedName().toString();
    Optional<String> reason = revision.irreversibleReason();
    if (reason.isPresent()) {
      return reason.get().isBlank()
          ? List.of(Finding.error(ProcessorMessages.blankIrreversibleReason(name), type))
          : List.of();
    }
    if (overridesDowngrade(type)) return List.of();
    return List.of(
        Finding.error(
            ProcessorMessages.missingDowngrade(name, revision.id()),
            type,
            revision.mirror(),
            revision.value("id")));
  }

  private boolean overridesDowngrade(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      Element owner = method.getEnclosingElement();
      if (method.getSimpleName().contentEquals("downgrade")
          && method.getParameters().size() == 1
          && !method.getModifiers().contains(Modifier.ABSTRACT)
          && owner instanceof TypeElement t
          && !t.getQualifiedName().contentEquals(Names.MIGRATION.canonicalName())
          && t.getKind().isClass()) {
        return true;
      }
    }
    return false;
  }
}
