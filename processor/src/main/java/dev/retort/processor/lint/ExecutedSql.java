package dev.retort.processor.lint;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The SQL a revision class passes to {@code execute} in its own {@code upgrade} and {@code
 * downgrade} methods, where it is a compile-time constant: a literal, a concatenation of literals,
 * or a constant field of the class. Of SQL built at run time only the constant start is seen.
 */
final class ExecutedSql {

  /**
   * What the checks see of an argument to {@code execute}, and where the argument starts (javac
   * puts a concatenation's position at its first {@code +}).
   *
   * @param sql the whole SQL when it is a constant, else the constant text it starts with
   * @param constant whether {@code sql} is all of it: only then are its statements checked; a
   *     constant start such as {@code "CREATE TABLE users (" + columns} still says what the
   *     revision creates
   */
  record Call(String sql, boolean constant, ExpressionTree argument) {}

  private static final Set<String> METHODS = Set.of("upgrade", "downgrade");

  private ExecutedSql() {}

  static List<Call> of(ClassTree revision, TypeElement type) {
    List<Call> calls = new ArrayList<>();
    for (Tree member : revision.getMembers()) {
      if (member instanceof MethodTree method
          && METHODS.contains(method.getName().toString())
          && method.getBody() != null) {
        method.getBody().accept(new Calls(type), calls);
      }
    }
    return calls;
  }

  private static final class Calls extends TreeScanner<Void, List<Call>> {
    private final TypeElement type;

    Calls(TypeElement type) {
      this.type = type;
    }

    @Override
    public Void visitClass(ClassTree nested, List<Call> calls) {
      return null; // a nested class's methods are not the revision's
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, List<Call> calls) {
      if (call.getMethodSelect() instanceof MemberSelectTree select
          && select.getIdentifier().contentEquals("execute")
          && call.getArguments().size() == 1) {
        ExpressionTree argument = call.getArguments().get(0);
        String sql = constant(argument);
        calls.add(
            new Call(sql == null ? constantStart(argument) : sql, sql != null, start(argument)));
      }
      return super.visitMethodInvocation(call, calls);
    }

    private static ExpressionTree start(ExpressionTree e) {
      if (e instanceof BinaryTree b) return start(b.getLeftOperand());
      return e;
    }

    /** The constant text a concatenation starts with, or nothing. */
    private String constantStart(ExpressionTree e) {
      String whole = constant(e);
      if (whole != null) return whole;
      return e instanceof BinaryTree plus && plus.getKind() == Tree.Kind.PLUS
          ? constantStart(plus.getLeftOperand())
          : "";
    }

    /** The value of a constant expression, or null. */
    private String constant(ExpressionTree e) {
      if (e instanceof LiteralTree literal && literal.getValue() != null) {
        return literal.getValue().toString();
      }
      if (e instanceof ParenthesizedTree p) return constant(p.getExpression());
      if (e instanceof BinaryTree plus && plus.getKind() == Tree.Kind.PLUS) {
        String left = constant(plus.getLeftOperand());
        String right = constant(plus.getRightOperand());
        return left == null || right == null ? null : left + right;
      }
      if (e instanceof IdentifierTree name) {
        for (Element member : type.getEnclosedElements()) {
          if (member instanceof VariableElement field
              && field.getSimpleName().contentEquals(name.getName())
              && field.getConstantValue() != null) {
            return field.getConstantValue().toString();
          }
        }
      }
      return null;
    }
  }
}
