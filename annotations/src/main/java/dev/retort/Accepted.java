package dev.retort;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts one of the compiler's PostgreSQL safety checks on this revision, with the reason it is
 * safe here: {@code @Accepted(rule = "IndexWithoutConcurrently", reason = "the table holds ten
 * rows")}. The rule is the key the warning starts with, {@code [Retort/KEY]}. Repeat it to accept
 * several rules.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Repeatable(Accepted.List.class)
public @interface Accepted {

  /** The key of the rule accepted, such as {@code DropColumn}. */
  String rule();

  /** Why the statement is safe in this revision; the compiler refuses a blank one. */
  String reason();

  /** Holds repeated {@link Accepted} annotations. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.CLASS)
  @interface List {
    /** The rules accepted. */
    Accepted[] value();
  }
}
