package dev.retort.processor.validation;

import dev.retort.processor.Message;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * One diagnostic, with the most precise place javac can underline: the element, the annotation and
 * the value at fault. Its kind and text come from the {@link Message} catalogue.
 *
 * @param kind error or warning
 * @param message the text, starting with its key
 * @param element the class it is about
 * @param mirror the annotation at fault, if any
 * @param value the annotation value at fault, if any
 */
public record Finding(
    Diagnostic.Kind kind,
    String message,
    Element element,
    Optional<AnnotationMirror> mirror,
    Optional<AnnotationValue> value) {

  /** {@code message} with {@code args}, reported on the class as a whole. */
  static Finding on(Element element, Message message, Object... args) {
    return new Finding(
        message.kind(), message.format(args), element, Optional.empty(), Optional.empty());
  }

  /**
   * {@code message}, worded as {@code text} (by the graph module, or by {@link Message#format}),
   * reported on the annotation and, when given, the value at fault.
   */
  static Finding at(
      Element element,
      AnnotationMirror mirror,
      Optional<AnnotationValue> value,
      Message message,
      String text) {
    return new Finding(message.kind(), text, element, Optional.of(mirror), value);
  }

  /** Whether this finding fails the build. */
  public boolean isError() {
    return kind == Diagnostic.Kind.ERROR;
  }

  /** The same finding with another kind. */
  Finding as(Diagnostic.Kind newKind) {
    return new Finding(newKind, message, element, mirror, value);
  }

  /** Reports this finding to javac. */
  public void report(Messager messager) {
    if (mirror.isPresent() && value.isPresent()) {
      messager.printMessage(kind, message, element, mirror.get(), value.get());
    } else if (mirror.isPresent()) {
      messager.printMessage(kind, message, element, mirror.get());
    } else {
      messager.printMessage(kind, message, element);
    }
  }
}
