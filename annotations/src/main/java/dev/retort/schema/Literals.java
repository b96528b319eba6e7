package dev.retort.schema;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Values written into SQL as literals, for defaults and seed rows. */
final class Literals {

  private Literals() {}

  /** {@code value} as a SQL literal both databases read: strings quoted, booleans as words. */
  static String sql(Object value) {
    if (value == null) return "NULL";
    if (value instanceof String text) return "'" + text.replace("'", "''") + "'";
    if (value instanceof Boolean bool) return bool ? "TRUE" : "FALSE";
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal decimal) return decimal.toPlainString();
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) return value.toString();
    }
    throw new IllegalArgumentException(
        "cannot write "
            + value
            + " ("
            + value.getClass().getName()
            + ") as a SQL literal; give a"
            + " String, a whole number, a BigDecimal, a finite double or a Boolean");
  }
}
