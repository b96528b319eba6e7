package dev.retort.processor.validation;

import dev.retort.processor.Message;
import dev.retort.processor.Names;
import dev.retort.processor.model.RevisionModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * A revision class must be something the generated registry can instantiate with {@code new C()}: a
 * concrete class implementing {@code Migration}, reachable from the registry's package, with a
 * no-argument constructor it may call.
 */
final class ClassShapeRule {

  private final Elements elements;
  private final Types types;

  ClassShapeRule(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  List<Finding> check(RevisionModel revision, String registryPackage, String registryName) {
    TypeElement type = revision.element();
    String name = type.getQualifiedName().toString();
    List<Finding> findings = new ArrayList<>();
    if (!isConcreteClass(type)) {
      findings.add(Finding.on(type, Message.NOT_A_CLASS, name));
      return findings;
    }
    if (!implementsMigration(type)) {
      findings.add(Finding.on(type, Message.NOT_A_MIGRATION, name));
    }
    String typePackage = packageOf(type);
    boolean samePackage = typePackage.equals(registryPackage);
    if (typePackage.isEmpty() && !samePackage) {
      // Java has no way to name a class of the unnamed package from a named one.
      findings.add(Finding.on(type, Message.IN_UNNAMED_PACKAGE, name, registryName));
    } else if (!reachable(type, samePackage)) {
      findings.add(Finding.on(type, Message.INACCESSIBLE, name, registryName));
    } else if (!hasCallableConstructor(type, samePackage)) {
      findings.add(Finding.on(type, Message.NO_CONSTRUCTOR, name));
    }
    return findings;
  }

  /**
   * Whether {@code type} is a concrete class implementing {@code Migration}, the only kind of type
   * whose downgrade is worth checking.
   */
  boolean isConcreteMigration(TypeElement type) {
    return isConcreteClass(type) && implementsMigration(type);
  }

  private static boolean isConcreteClass(TypeElement type) {
    boolean isClass = type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD;
    return isClass && !type.getModifiers().contains(Modifier.ABSTRACT);
  }

  private boolean implementsMigration(TypeElement type) {
    TypeElement migration = elements.getTypeElement(Names.MIGRATION.canonicalName());
    return migration != null
        && types.isAssignable(types.erasure(type.asType()), types.erasure(migration.asType()));
  }

  /** The class and every class enclosing it can be named from the registry. */
  private static boolean reachable(TypeElement type, boolean samePackage) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return false;
      }
      if (t.getNestingKind() == NestingKind.MEMBER
          && !t.getModifiers().contains(Modifier.STATIC)
          && t.getKind() == ElementKind.CLASS) {
        return false;
      }
      if (!visible(t.getModifiers(), samePackage)) return false;
    }
    return true;
  }

  private static boolean hasCallableConstructor(TypeElement type, boolean samePackage) {
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && visible(c.getModifiers(), samePackage)) return true;
    }
    return false;
  }

  private static boolean visible(java.util.Set<Modifier> modifiers, boolean samePackage) {
    if (modifiers.contains(Modifier.PUBLIC)) return true;
    return samePackage && !modifiers.contains(Modifier.PRIVATE);
  }

  private String packageOf(TypeElement type) {
    PackageElement p = elements.getPackageOf(type);
    return p.isUnnamed() ? "" : p.getQualifiedName().toString();
  }
}
