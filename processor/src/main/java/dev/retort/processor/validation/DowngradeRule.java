package dev.retort.processor.validation;

import dev.retort.processor.Message;
import dev.retort.processor.Names;
import dev.retort.processor.model.RevisionModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Every revision can be undone, or says why not: it overrides {@code downgrade(MigrationContext)}
 * (itself, through a superclass or through an interface's default method), or it is
 * {@code @Irreversible} with a reason. An {@code @Irreversible} class that writes a downgrade
 * anyway gets a warning: the runtime refuses that downgrade, so the method never runs.
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
      if (reason.get().isBlank()) {
        return List.of(
            Finding.at(
                type,
                revision.irreversible().orElseThrow(),
                revision.irreversibleValue(),
                Message.IRREVERSIBLE_REASON,
                Message.IRREVERSIBLE_REASON.format(name)));
      }
      // Only a downgrade the class writes itself: one inherited from a shared base is not dead
      // code there, and this class could not remove it.
      return declaresDowngrade(type)
          ? List.of(Finding.on(type, Message.UNREACHABLE_DOWNGRADE, revision.id(), name))
          : List.of();
    }
    if (overridesDowngrade(type)) return List.of();
    // The fix goes into the class body, so the class is the place, not an annotation value.
    return List.of(Finding.on(type, Message.MISSING_DOWNGRADE, revision.id(), name));
  }

  private boolean overridesDowngrade(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      Element owner = method.getEnclosingElement();
      if (isDowngrade(method)
          && owner instanceof TypeElement t
          && !t.getQualifiedName().contentEquals(Names.MIGRATION.canonicalName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaresDowngrade(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .anyMatch(DowngradeRule::isDowngrade);
  }

  /** A concrete {@code downgrade(MigrationContext)}. */
  private static boolean isDowngrade(ExecutableElement method) {
    return method.getSimpleName().contentEquals("downgrade")
        && method.getParameters().size() == 1
        && isMigrationContext(method.getParameters().get(0).asType())
        && !method.getModifiers().contains(Modifier.ABSTRACT);
  }

  /** An overload such as {@code downgrade(String)} is not a downgrade. */
  private static boolean isMigrationContext(TypeMirror type) {
    return type instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement element
        && element.getQualifiedName().contentEquals(Names.MIGRATION_CONTEXT.canonicalName());
  }
}
