/**
 * The Retort annotation processor: reads {@code @Revision} classes, checks their graph and
 * generates the registry. It exports nothing; javac finds it as a service, on the processor path
 * through {@code META-INF/services} and on the processor module path through {@code provides}.
 *
 * <p>This descriptor is compiled on its own, after the classes, and added to the jar when JavaPoet
 * is shaded into it (see the pom): the classes and their tests compile and run on the class path,
 * and the descriptor never names JavaPoet, which the jar carries relocated into {@code
 * dev.retort.processor.internal.javapoet}.
 */
module dev.retort.processor {
  requires java.compiler;
  requires dev.retort.graph;

  // Source files are found through javac's tree API when javac runs the processor; under another
  // compiler through other routes (SourceFiles), so the module does not insist on it.
  requires static jdk.compiler;

  // @AutoService writes META-INF/services for the processor path; CLASS retention, compile only.
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with
      dev.retort.processor.RevisionProcessor;
}
