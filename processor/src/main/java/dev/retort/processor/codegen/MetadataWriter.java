package dev.retort.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.retort.processor.model.AggregatedMetadata;
import dev.retort.processor.model.RevisionModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes the metadata class of a registry ({@link AggregatedMetadata}): what a later compilation of
 * this module, or of a module depending on it, reads to see these revisions without their sources.
 */
public final class MetadataWriter {

  private final Optional<ClassName> generatedAnnotation;

  /**
   * A writer of metadata classes marked with {@code generatedAnnotation}.
   *
   * @param generatedAnnotation the {@code @Generated} annotation type available to the compilation,
   *     if any
   */
  public MetadataWriter(Optional<ClassName> generatedAnnotation) {
    this.generatedAnnotation = generatedAnnotation;
  }

  /** The metadata class of {@code registry}, which lists {@code revisions}. */
  public JavaFile write(ClassName registry, List<RevisionModel> revisions) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(AggregatedMetadata.className(registry.canonicalName()))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "The revisions of the registry {@code $L}, for later compilations to see. Generated"
                    + " by Retort; do not edit.\n",
                registry.canonicalName())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addField(constant(AggregatedMetadata.REGISTRY_FIELD, registry.canonicalName()));
    GeneratedMark.on(type, generatedAnnotation);
    List<String> pieces = AggregatedMetadata.encode(revisions);
    for (int i = 0; i < pieces.size(); i++) {
      type.addField(constant(AggregatedMetadata.ROWS_FIELD + i, pieces.get(i)));
    }
    revisions.forEach(r -> type.addOriginatingElement(r.element()));
    return JavaFile.builder(AggregatedMetadata.PACKAGE, type.build()).build();
  }

  private static FieldSpec constant(String name, String value) {
    return FieldSpec.builder(
            String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", value)
        .build();
  }
}
