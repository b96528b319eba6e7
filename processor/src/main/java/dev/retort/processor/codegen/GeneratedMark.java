package dev.retort.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import java.util.Optional;

/** The {@code @Generated} that every class the processor writes carries, without a date. */
final class GeneratedMark {

  private GeneratedMark() {}

  /** Marks {@code type} with {@code generatedAnnotation}, when the compilation has one. */
  static void on(TypeSpec.Builder type, Optional<ClassName> generatedAnnotation) {
    generatedAnnotation.ifPresent(
        g ->
            type.addAnnotation(
                AnnotationSpec.builder(g)
                    .addMember("value", "$S", "dev.retort.processor.RevisionProcessor")
                    .build()));
  }
}
