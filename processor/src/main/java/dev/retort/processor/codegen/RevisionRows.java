package dev.retort.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.retort.processor.model.RevisionModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The registry's encoding of revision metadata, in the layout of {@code GeneratedRegistry.v1} in
 * the API: each revision is a row of nine string literals in an array, and the API's {@code v1}
 * turns the rows into {@code RevisionInfo}s. The layout is a contract with registries already
 * compiled: a change of it is a new version of that method, never an edit of this one.
 *
 * <p>String literals are the cheapest expressions javac compiles. At 10,000 revisions, a javac of
 * its own compiling the registry alone took about 8 s of CPU time with the former encoding (one
 * {@code new RevisionInfo(...)} of eleven arguments and three varargs calls per revision) and takes
 * about 5 s with these rows; the processor's whole added CPU time there fell from 20.8 to 15.6 s
 * (medians of nine runs), and an application's first {@code revisions()} call takes as long as
 * before.
 */
final class RevisionRows {

  private RevisionRows() {}

  /** A method {@code name} that returns the rows of {@code revisions}, one row per line. */
  static MethodSpec method(String name, List<RevisionModel> revisions) {
    CodeBlock.Builder b =
        CodeBlock.builder()
            .add("return new $T {\n", ArrayTypeName.of(String.class))
            .indent()
            .indent()
            .add(
                "// id, revises, dependsOn, branchLabels, description, flags, irreversibleReason,"
                    + " className, checksum\n");
    for (RevisionModel r : revisions) {
      b.add("$S, $S, $S, $S, $S, $S, $S, $S, $S,\n", r.row().toArray());
    }
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.STATIC)
        .returns(ArrayTypeName.of(String.class))
        .addCode(b.unindent().unindent().add("};\n").build())
        .build();
  }
}
