package dev.retort.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.revision;
import static dev.retort.processor.WrappingProcessor.forward;
import static dev.retort.processor.WrappingProcessor.proxy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.processor.RevisionProcessor;
import dev.retort.processor.WrappingProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
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
  private static final class WithBrokenFiler extends WrappingProcessor {

    WithBrokenFiler(Processor delegate) {
      super(delegate);
    }

    @Override
    protected ProcessingEnvironment wrap(ProcessingEnvironment env) {
      Filer filer = env.getFiler();
      Filer broken =
          proxy(
              Filer.class,
              (proxy, method, args) -> {
                if (method.getName().equals("createSourceFile")) {
                  throw new IllegalStateException("filer is broken");
                }
                return forward(method, filer, args);
              });
      return proxy(
          ProcessingEnvironment.class,
          (proxy, method, args) ->
              method.getName().equals("getFiler") ? broken : forward(method, env, args));
    }
  }
}
