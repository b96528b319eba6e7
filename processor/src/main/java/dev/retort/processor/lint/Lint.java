package dev.retort.processor.lint;

import com.sun.source.tree.ClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.retort.processor.Message;
import dev.retort.processor.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Runs the PostgreSQL safety checks ({@link SafetyRules}) over the SQL each revision executes and
 * reports each finding on the argument that wrote the statement. It reads sources through javac's
 * tree API; under a compiler without it (the Eclipse compiler) it does nothing.
 */
public final class Lint {

  private final ProcessingEnvironment env;
  private final Trees trees;
  private final boolean asErrors;

  private Lint(ProcessingEnvironment env, Trees trees, boolean asErrors) {
    this.env = env;
    this.trees = trees;
    this.asErrors = asErrors;
  }

  /** Checks {@code revisions} as {@code -Aretort.lint} says: error, warn (the default) or off. */
  public static void check(ProcessingEnvironment env, List<TypeElement> revisions) {
    String mode = env.getOptions().getOrDefault(Names.LINT_OPTION, "warn");
    if (mode.equals("off")) return;
    if (!mode.equals("error") && !mode.equals("warn")) {
      env.getMessager().printMessage(Message.LINT_OPTION.kind(), Message.LINT_OPTION.format(mode));
    }
    Trees trees;
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException notJavac) {
      return;
    }
    Lint lint = new Lint(env, trees, mode.equals("error"));
    revisions.forEach(lint::check);
  }

  private void check(TypeElement revision) {
    TreePath path = trees.getPath(revision);
    if (path == null || !(path.getLeaf() instanceof ClassTree tree)) return;
    Set<String> accepted = accepted(revision);
    List<ExecutedSql.Call> calls = ExecutedSql.of(tree, revision);
    List<String> sql = new ArrayList<>();
    calls.forEach(call -> sql.add(call.sql()));
    SafetyRules rules = new SafetyRules(sql, transactional(revision));
    for (ExecutedSql.Call call : calls) {
      if (!call.constant()) continue;
      for (SafetyRules.Hit hit : rules.check(call.sql())) {
        if (accepted.contains(hit.rule().key())) continue;
        Diagnostic.Kind kind = asErrors ? Diagnostic.Kind.ERROR : hit.rule().kind();
        trees.printMessage(kind, hit.text(), call.argument(), path.getCompilationUnit());
      }
    }
  }

  /** {@code @Revision(transactional = ...)}, true unless it says false. */
  private static boolean transactional(TypeElement revision) {
    for (AnnotationMirror m : revision.getAnnotationMirrors()) {
      if (name(m).equals(Names.REVISION)) {
        Object value = values(m).get("transactional");
        return value == null || (Boolean) value;
      }
    }
    return true;
  }

  /** The rules accepted on the class, reporting those without a reason or with no such rule. */
  private Set<String> accepted(TypeElement revision) {
    List<AnnotationMirror> all = new ArrayList<>();
    for (AnnotationMirror m : revision.getAnnotationMirrors()) {
      if (name(m).equals(Names.ACCEPTED)) all.add(m);
      if (name(m).equals(Names.ACCEPTED_LIST)) {
        for (Object inner : (List<?>) values(m).get("value")) {
          all.add((AnnotationMirror) ((AnnotationValue) inner).getValue());
        }
      }
    }
    Set<String> keys = SafetyRules.RULES.stream().map(Message::key).collect(Collectors.toSet());
    Set<String> accepted = new HashSet<>();
    for (AnnotationMirror m : all) {
      String rule = String.valueOf(values(m).get("rule"));
      String reason = String.valueOf(values(m).get("reason"));
      String type = revision.getQualifiedName().toString();
      if (!keys.contains(rule)) {
        report(
            Message.ACCEPTED_RULE,
            revision,
            m,
            rule,
            type,
            String.join(", ", keys.stream().sorted().toList()));
      } else if (reason.isBlank()) {
        report(Message.ACCEPTED_REASON, revision, m, rule, type);
      } else {
        accepted.add(rule);
      }
    }
    return accepted;
  }

  private void report(Message message, TypeElement on, AnnotationMirror at, Object... args) {
    env.getMessager().printMessage(message.kind(), message.format(args), on, at);
  }

  private static String name(AnnotationMirror m) {
    return ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The values written in an annotation, by element name. */
  private static Map<String, Object> values(AnnotationMirror m) {
    return m.getElementValues().entrySet().stream()
        .collect(
            Collectors.toMap(
                (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e) ->
                    e.getKey().getSimpleName().toString(),
                e -> e.getValue().getValue()));
  }
}
