package dev.retort.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Fixtures.revision;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The registry is written in the round that sees the revisions; a revision another processor
 * generates in a later round cannot be in it, and is an error rather than silently missing.
 */
class LateRevisionTest {

  @Test
  void revisionGeneratedAfterTheRegistryIsAnErrorOnThatRevision() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new RevisionProcessor(), new GeneratesARevision())
            .compile(revision("p.CreateUsers", "a1"));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Retort/LateRevision] this @Revision class appeared after the registry was generated"
                + " (it was produced by another annotation processor); declare revisions in"
                + " hand-written sources");
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    assertThat(error.getSource().getName()).endsWith("p/AddEmail.java");
    assertThat(error.getLineNumber()).isEqualTo(4L);
  }

  /** Writes one more revision class, p.AddEmail, in the first round. */
  private static final class GeneratesARevision extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) return false;
      done = true;
      try (Writer out = processingEnv.getFiler().createSourceFile("p.AddEmail").openWriter()) {
        out.write(
            """
            package p;
            import dev.retort.*;
            @Revision(id = "b2", revises = "a1")
            public class AddEmail implements Migration {
              public void upgrade(MigrationContext ctx) {}
              public void downgrade(MigrationContext ctx) {}
            }
            """);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }
}
