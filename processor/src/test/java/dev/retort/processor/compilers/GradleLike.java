package dev.retort.processor.compilers;

import static dev.retort.processor.WrappingProcessor.forwarding;

import com.sun.source.util.Trees;
import dev.retort.processor.WrappingProcessor;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * A processor wrapped the way Gradle's incremental annotation processing wraps an aggregating one:
 * the processor gets an environment of Gradle's own, which keeps javac's in a field and hands out
 * proxies of javac's {@link Filer}, {@link Messager} and {@link Elements}. javac's tree API refuses
 * that environment, as it refuses Gradle's.
 */
final class GradleLike extends WrappingProcessor {

  private boolean treesRefused;

  GradleLike(Processor delegate) {
    super(delegate);
  }

  /** Whether {@code Trees.instance} threw for the environment the processor was given. */
  boolean treesRefused() {
    return treesRefused;
  }

  @Override
  protected ProcessingEnvironment wrap(ProcessingEnvironment javacs) {
    Environment wrapped = new Environment(javacs);
    try {
      Trees.instance(wrapped);
    } catch (IllegalArgumentException refused) {
      treesRefused = true;
    }
    return wrapped;
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
      return forwarding(Messager.class, delegate.getMessager());
    }

    @Override
    public Filer getFiler() {
      return forwarding(Filer.class, delegate.getFiler());
    }

    @Override
    public Elements getElementUtils() {
      return forwarding(Elements.class, delegate.getElementUtils());
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
}
