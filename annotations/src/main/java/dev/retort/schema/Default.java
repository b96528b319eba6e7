package dev.retort.schema;

/** A server default: what the database writes into a column when an insert leaves it out. */
public final class Default {

  private final String sql;
  private final boolean constant;

  private Default(String sql, boolean constant) {
    this.sql = sql;
    this.constant = constant;
  }

  /** A constant: a string, a number or a boolean. */
  public static Default value(Object value) {
    return new Default(Literals.sql(value), true);
  }

  /** The time of the insert. */
  public static Default now() {
    return new Default("CURRENT_TIMESTAMP", false);
  }

  /** Any SQL expression, such as {@code lower('X')}; it is the caller's to make portable. */
  public static Default sql(String expression) {
    return new Default(expression, false);
  }

  /** Whether the value is a constant, which SQLite can add to a table that has rows. */
  boolean constant() {
    return constant;
  }

  /** The default as {@code dialect} writes it after {@code DEFAULT}. */
  public String sql(SqlDialect dialect) {
    // SQLite takes an expression other than a literal or CURRENT_TIMESTAMP only in parentheses.
    boolean bare = constant || sql.equals("CURRENT_TIMESTAMP");
    return dialect == SqlDialect.SQLITE && !bare ? "(" + sql + ")" : sql;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Default d && d.sql.equals(sql) && d.constant == constant;
  }

  @Override
  public int hashCode() {
    return sql.hashCode();
  }

  @Override
  public String toString() {
    return sql;
  }
}
