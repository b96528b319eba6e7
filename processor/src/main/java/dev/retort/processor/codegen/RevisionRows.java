package dev.retort.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.retort.processor.Names;
import dev.retort.processor.model.RevisionModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The registry's encoding of revision metadata: each revision is a row of {@value #COLUMNS} string
 * literals in an array, which a loop in the registry turns into {@code RevisionInfo}s.
 *
 * <p>String literals are the cheapest expressions javac compiles. At 10,000 revisions, a javac of
 * its own compiling the registry alone took about 8 s of CPU time with the former encoding (one
 * {@code new RevisionInfo(...)} of eleven arguments and three varargs calls per revision) and takes
 * about 5 s with these rows; the processor's whole added CPU time there fell from 20.8 to 15.6 s
 * (medians of nine runs), and an application's first {@code revisions()} call takes as long as
 * before.
 *
 * <p>{@link #fill} writes the columns and {@link #fillMethod} reads them, in the same order.
 */
final class RevisionRows {

  static final int COLUMNS = 9;

  private static final String FILL = "fill";
  private static final String IDS = "ids";
  private static final String COLUMNS_FIELD = "COLUMNS";

  /** Transactional, in the flags column. */
  private static final char TRANSACTIONAL = 't';

  /** Reversible, in the flags column. */
  private static final char REVERSIBLE = 'r';

  private static final TypeName INFO_ARRAY = ArrayTypeName.of(Names.REVISION_INFO);
  private static final TypeName STRING_ARRAY = ArrayTypeName.of(String.class);

  private RevisionRows() {}

  /**
   * The statement that fills {@code all}, from {@code from} on, with {@code revisions}: one call of
   * the registry's {@code fill} with a row per line.
   */
  static CodeBlock fill(int from, List<RevisionModel> revisions) {
    CodeBlock.Builder b =
        CodeBlock.builder()
            .add("$N(all, $L, new $T {\n", FILL, from, STRING_ARRAY)
            .indent()
            .indent()
            .add(
                "// id, revises, dependsOn, branchLabels, description, flags, irreversibleReason,"
                    + " className, checksum\n");
    for (RevisionModel r : revisions) {
      b.add(
          "$S, $S, $S, $S, $S, $S, $S, $S, $S,\n",
          r.id(),
          String.join(" ", r.revises()),
          String.join(" ", r.dependsOn()),
          String.join(" ", r.branchLabels()),
          r.description(),
          flags(r),
          r.irreversibleReason().orElse(""),
          ClassName.get(r.element()).reflectionName(),
          r.checksum());
    }
    return b.unindent().unindent().add("});\n").build();
  }

  private static String flags(RevisionModel r) {
    StringBuilder flags = new StringBuilder(2);
    if (r.transactional()) flags.append(TRANSACTIONAL);
    if (r.irreversibleReason().isEmpty()) flags.append(REVERSIBLE);
    return flags.toString();
  }

  /** The registry's {@code COLUMNS}: the number of strings in one row. */
  static FieldSpec columns() {
    return FieldSpec.builder(
            int.class, COLUMNS_FIELD, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", COLUMNS)
        .build();
  }

  /** The registry's {@code fill}, which reads the rows; {@code factory} names its factory class. */
  static MethodSpec fillMethod(String factory) {
    return MethodSpec.methodBuilder(FILL)
        .addJavadoc(
            "Puts the revisions of {@code rows}, $L strings each, into {@code all} from {@code"
                + " from} on.\nLists are joined by spaces, which no id or label contains; flags"
                + " holds '$L' for\ntransactional and '$L' for reversible.\n",
            COLUMNS,
            TRANSACTIONAL,
            REVERSIBLE)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(INFO_ARRAY, "all")
        .addParameter(int.class, "from")
        .addParameter(STRING_ARRAY, "rows")
        .beginControlFlow("for (int r = 0, i = from; r < rows.length; r += $N, i++)", COLUMNS_FIELD)
        .addStatement("String flags = rows[r + 5]")
        .addStatement(
            "all[i] = new $T(rows[r], $N(rows[r + 1]), $N(rows[r + 2]), $N(rows[r + 3]),\n"
                + "rows[r + 4], flags.indexOf('$L') >= 0, flags.indexOf('$L') >= 0,\n"
                + "rows[r + 6], rows[r + 7], rows[r + 8], new $N(i))",
            Names.REVISION_INFO,
            IDS,
            IDS,
            IDS,
            TRANSACTIONAL,
            REVERSIBLE,
            factory)
        .endControlFlow()
        .build();
  }

  /** The registry's {@code ids}, which splits a list joined by spaces. */
  static MethodSpec idsMethod() {
    ParameterizedTypeName listOfString =
        ParameterizedTypeName.get(Names.LIST, ClassName.get(String.class));
    return MethodSpec.methodBuilder(IDS)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(String.class, "joined")
        .returns(listOfString)
        .addStatement("if (joined.isEmpty()) return $T.of()", Names.LIST)
        .addStatement("if (joined.indexOf(' ') < 0) return $T.of(joined)", Names.LIST)
        .addStatement("return $T.of(joined.split($S))", Names.LIST, " ")
        .build();
  }
}
