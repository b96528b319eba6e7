package dev.retort.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.revision;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.processor.RevisionProcessor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * The crash guard: an unexpected exception inside the processor becomes one keyed compiler error
 * asking for a bug report, never an exception out of javac. No valid input crashes the processor,
 * so the crash comes from the environment: a {@link Filer} that fails with an unchecked exception
 * when the registry is written.
 */
class InternalErrorTest {

  @Test
  void uncheckedExceptionInsideTheProcessorIsOneInternalError() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new WithBrokenFiler(new RevisionProcessor()))
            .compile(revision("p.CreateUsers", "a1"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/Internal] the Retort processor failed unexpectedly; please report this as a"
                + " bug with the following trace:");
    assertThat(compilation).hadErrorContaining("IllegalStateException: filer is broken");
    assertThat(compilation.errors().get(0).getSource()).isNull();
  }

  /** Hands the processor an environment whose filer throws when asked to create a source file. */
  private static final class WithBrokenFiler implements Processor {
    private final Processor delegate;

    WithBrokenFiler(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public void init(ProcessingEnvironment env) {
      Filer filer = env.getFiler();
      Filer broken =
          proxy(
              Filer.class,
              (proxy, method, args) -> {
                if (method.getName().equals("createSourceFile")) {
                  throw new IllegalStateException("filer is broken");
                }
                return invoke(method, filer, args);
              });
      delegate.init(
          proxy(
              ProcessingEnvironment.class,
              (proxy, method, args) ->
                  method.getName().equals("getFiler") ? broken : invoke(method, env, args)));
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
        Element element, AnnotationMirror annotation, ExecutableElement member, String text) {
      return delegate.getCompletions(element, annotation, member, text);
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
      return type.cast(
          Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
        throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
