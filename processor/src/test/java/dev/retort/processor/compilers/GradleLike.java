package dev.retort.processor.compilers;

import com.sun.source.util.Trees;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * A processor wrapped the way Gradle's incremental annotation processing wraps an aggregating one:
 * the processor gets an environment of Gradle's own, which keeps javac's in a field and hands out
 * proxies of javac's {@link Filer}, {@link Messager} and {@link Elements}. javac's tree API refuses
 * that environment, as it refuses Gradle's.
 */
final class GradleLike implements Processor {

  private final Processor delegate;
  private boolean treesRefused;

  GradleLike(Processor delegate) {
    this.delegate = delegate;
  }

  /** Whether {@code Trees.instance} threw for the environment the processor was given. */
  boolean treesRefused() {
    return treesRefused;
  }

  @Override
  public void init(ProcessingEnvironment javacs) {
    Environment wrapped = new Environment(javacs);
    try {
      Trees.instance(wrapped);
    } catch (IllegalArgumentException refused) {
      treesRefused = true;
    }
    delegate.init(wrapped);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }

  /** Gradle's {@code IncrementalProcessingEnvironment}, with proxies where Gradle intercepts. */
  private static final class Environment implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;

    Environment(ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    @Override
    public Map<String, String> getOptions() {
      return delegate.getOptions();
    }

    @Override
    public Messager getMessager() {
      return proxy(Messager.class, delegate.getMessager());
    }

    @Override
    public Filer getFiler() {
      return proxy(Filer.class, delegate.getFiler());
    }

    @Override
    public Elements getElementUtils() {
      return proxy(Elements.class, delegate.getElementUtils());
    }

    @Override
    public Types getTypeUtils() {
      return delegate.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return delegate.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return delegate.getLocale();
    }
  }

  private static <T> T proxy(Class<T> type, T target) {
    InvocationHandler forward =
        (proxy, method, args) -> {
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(
        Proxy.newProxyInstance(GradleLike.class.getClassLoader(), new Class<?>[] {type}, forward));
  }
}
