package dev.retort.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.retort.graph.RevisionGraph;
import dev.retort.processor.codegen.MetadataWriter;
import dev.retort.processor.codegen.RegistryWriter;
import dev.retort.processor.lint.Lint;
import dev.retort.processor.model.MetadataReader;
import dev.retort.processor.model.ModuleRevisions;
import dev.retort.processor.model.RevisionModel;
import dev.retort.processor.model.RevisionReader;
import dev.retort.processor.validation.Finding;
import dev.retort.processor.validation.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads every {@code @Revision} class, validates the revision graph and generates the registry:
 * when the revisions have errors, a registry whose methods throw, so that the build shows only
 * Retort's errors. It claims Retort's annotations, so that {@code -Xlint:all -Werror} passes. The
 * work is in three stages: {@code model} (elements to records), {@code validation} (one class per
 * rule) and {@code codegen} (JavaPoet).
 *
 * <p>The graph it checks is the whole one: beside the registry it writes the metadata of the
 * module's revisions ({@code AggregatedMetadata}), and it reads the metadata on the class path:
 * that of this module's earlier compilations (an IDE compiles only what changed) and that of the
 * modules it depends on.
 *
 * <p>Options: {@code -Aretort.registry=com.example.Migrations} names the generated class (default:
 * {@code RetortMigrations} in the longest package shared by all revision classes); {@code
 * -Aretort.multipleHeads=error|warn} decides whether unlabeled parallel heads fail the build;
 * {@code -Aretort.lint=error|warn|off} how the PostgreSQL safety checks ({@code lint}) report.
 */
@AutoService(Processor.class)
public final class RevisionProcessor extends AbstractProcessor {

  private boolean generated;

  /**
   * Retort's own annotations, {@code @Revision} and {@code @Irreversible}, and the {@code
   * javax.annotation.processing.Generated} that the registry carries. The processor claims them
   * ({@link #process} returns {@code true}): javac's {@code -Xlint:processing} warns about
   * annotations that no processor claims, which fails a build with {@code -Werror}, and javac
   * counts neither Retort's annotations nor {@code @Generated} among its own. No processor has a
   * use for Retort's annotations; {@code @Generated} is a marker for tools that read sources or
   * class files, not for processors.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        Names.REVISION, Names.IRREVERSIBLE, Names.ACCEPTED, Names.ACCEPTED_LIST, Names.GENERATED);
  }

  /**
   * Warns about options that look meant for Retort but are none of its own, such as a misspelled
   * {@code -Aretort.regisrty}, naming the nearest option: javac's own warning only lists the
   * options no processor recognized.
   */
  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    try {
      for (String warning : Options.unknown(env.getOptions().keySet())) {
        env.getMessager().printMessage(Message.UNKNOWN_OPTION.kind(), warning);
      }
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      report(Message.INTERNAL, trace);
    }
  }

  /**
   * Retort's options, and the misspelled ones it warned about in {@link #init}: claimed, so that
   * javac does not warn about them a second time, without the suggestion (only names javac accepts
   * as option names, which it would otherwise report as an error).
   */
  @Override
  public Set<String> getSupportedOptions() {
    Set<String> options = new TreeSet<>(Options.KNOWN);
    if (processingEnv != null) {
      for (String option : processingEnv.getOptions().keySet()) {
        if (!Options.unknown(Set.of(option)).isEmpty() && isOptionName(option)) {
          options.add(option);
        }
      }
    }
    return options;
  }

  /** Whether javac takes {@code name} as an option name: identifiers separated by dots. */
  private static boolean isOptionName(String name) {
    for (String part : name.split("\\.", -1)) {
      if (!SourceVersion.isIdentifier(part)) return false;
    }
    return true;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      report(Message.INTERNAL, trace);
    }
    // Claims the annotations it supports (see getSupportedAnnotationTypes).
    return true;
  }

  private void processRound(RoundEnvironment round) {
    TypeElement revisionAnnotation = processingEnv.getElementUtils().getTypeElement(Names.REVISION);
    if (revisionAnnotation == null) return;
    Set<? extends Element> annotated = round.getElementsAnnotatedWith(revisionAnnotation);
    if (annotated.isEmpty()) return;
    if (generated) {
      for (Element e : annotated) {
        processingEnv
            .getMessager()
            .printMessage(Message.LATE_REVISION.kind(), Message.LATE_REVISION.format(), e);
      }
      return;
    }
    generated = true;

    RevisionReader reader = new RevisionReader(processingEnv);
    List<RevisionModel> compiled = new ArrayList<>();
    List<TypeElement> types = new ArrayList<>();
    for (Element e : annotated) {
      if (e instanceof TypeElement type) {
        types.add(type);
        reader.read(type).ifPresent(compiled::add);
      }
    }
    Lint.check(processingEnv, types);
    // What earlier compilations of this module and upstream modules left on the class path: an IDE
    // compiles only what changed, and a downstream module has its upstream jars there.
    List<MetadataReader.Recorded> recorded =
        new MetadataReader(processingEnv.getElementUtils()).read();
    ModuleRevisions module =
        ModuleRevisions.of(
            compiled,
            recorded,
            Options.read(processingEnv, compiled).ownRegistry(processingEnv),
            reader::fromClassFile);
    List<RevisionModel> revisions = new ArrayList<>(module.own());

    Options options = Options.read(processingEnv, revisions);
    // A bad option falls back to its default, so validation still shows every other problem.
    options
        .problems()
        .forEach(p -> processingEnv.getMessager().printMessage(Message.OPTION.kind(), p));
    Validator.Validation validation =
        new Validator(processingEnv)
            .validate(
                module.all(),
                options.registry().packageName(),
                options.registry().canonicalName(),
                options.multipleHeads());
    validation.findings().forEach(f -> f.report(processingEnv.getMessager()));
    if (options.unnamedDefault().isPresent()) {
      // On the first revision, for a place to click; no registry at all, not even a failing one,
      // since nothing in a package could call it.
      processingEnv
          .getMessager()
          .printMessage(
              Message.UNNAMED_REGISTRY.kind(),
              options.unnamedDefault().get(),
              module.compiled().get(0).element());
      return;
    }
    Optional<ClassName> generated = generatedAnnotation();
    write(
        options.registry(),
        () -> new MetadataWriter(generated).write(options.registry(), revisions));
    RegistryWriter writer = new RegistryWriter(generated);
    if (!options.problems().isEmpty() || !validation.passed()) {
      // A registry all the same, whose methods throw, so that the code calling it compiles and
      // the build shows Retort's errors only, not a "cannot find symbol" for each call.
      List<String> problems = new ArrayList<>(options.problems());
      validation.findings().stream()
          .filter(Finding::isError)
          .forEach(f -> problems.add(f.message()));
      write(options.registry(), () -> writer.writeFailing(options.registry(), revisions, problems));
      return;
    }

    RevisionGraph graph = validation.graph().orElseThrow();
    revisions.sort(Comparator.comparingInt(r -> graph.position(r.id())));
    write(options.registry(), () -> writer.write(options.registry(), revisions));
  }

  private void write(ClassName registry, Supplier<JavaFile> source) {
    try {
      source.get().writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      report(Message.WRITE, registry.canonicalName(), e.getMessage());
    }
  }

  /** Reports a problem of the whole compilation, which has no element to point at. */
  private void report(Message message, Object... args) {
    processingEnv.getMessager().printMessage(message.kind(), message.format(args));
  }

  private Optional<ClassName> generatedAnnotation() {
    return processingEnv.getElementUtils().getTypeElement(Names.GENERATED) == null
        ? Optional.empty()
        : Optional.of(ClassName.bestGuess(Names.GENERATED));
  }
}
