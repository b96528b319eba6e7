package dev.retort.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A processor that runs another in an environment of the test's making, as build tools do (Gradle
 * wraps javac's environment) or as a test needs (a filer that breaks).
 */
public abstract class WrappingProcessor implements Processor {

  private final Processor delegate;

  protected WrappingProcessor(Processor delegate) {
    this.delegate = delegate;
  }

  /** The environment the wrapped processor is given instead of javac's {@code env}. */
  protected abstract ProcessingEnvironment wrap(ProcessingEnvironment env);

  @Override
  public final void init(ProcessingEnvironment env) {
    delegate.init(wrap(env));
  }

  @Override
  public final Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public final Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public final SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public final boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  @Override
  public final Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }

  /** A proxy of {@code type} whose calls {@code handler} answers. */
  public static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            WrappingProcessor.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /** A proxy of {@code type} that passes every call on to {@code target}. */
  public static <T> T forwarding(Class<T> type, T target) {
    return proxy(type, (proxy, method, args) -> forward(method, target, args));
  }

  /** Calls {@code method} on {@code target}, throwing what it throws. */
  public static Object forward(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
