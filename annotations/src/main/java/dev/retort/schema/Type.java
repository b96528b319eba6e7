package dev.retort.schema;

/**
 * A column type, written once for both databases: each factory names the type PostgreSQL has and
 * the one SQLite stores the same values with.
 */
public final class Type {

  private final String postgresql;
  private final String sqlite;

  private Type(String postgresql, String sqlite) {
    this.postgresql = postgresql;
    this.sqlite = sqlite;
  }

  /** A 32-bit integer. */
  public static Type integer() {
    return new Type("integer", "INTEGER");
  }

  /** A 64-bit integer. */
  public static Type bigint() {
    return new Type("bigint", "BIGINT");
  }

  /** Text of any length. */
  public static Type text() {
    return new Type("text", "TEXT");
  }

  /** Text of at most {@code length} characters (SQLite does not enforce the length). */
  public static Type varchar(int length) {
    if (length < 1) throw new IllegalArgumentException("varchar(" + length + "): give 1 or more");
    return new Type("varchar(" + length + ")", "VARCHAR(" + length + ")");
  }

  /** True or false (SQLite stores 1 or 0). */
  public static Type bool() {
    return new Type("boolean", "BOOLEAN");
  }

  /** An exact number of {@code precision} digits, {@code scale} of them after the point. */
  public static Type decimal(int precision, int scale) {
    if (precision < 1 || scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "decimal("
              + precision
              + ", "
              + scale
              + "): give 1 or more digits, at most as many after"
              + " the point");
    }
    String args = "(" + precision + ", " + scale + ")";
    return new Type("numeric" + args, "NUMERIC" + args);
  }

  /** A point in time (SQLite stores the text CURRENT_TIMESTAMP writes, in UTC). */
  public static Type timestamptz() {
    return new Type("timestamp with time zone", "TIMESTAMP");
  }

  /** A UUID (SQLite stores its text). */
  public static Type uuid() {
    return new Type("uuid", "CHAR(36)");
  }

  /** A JSON document ({@code jsonb} on PostgreSQL; its text on SQLite). */
  public static Type json() {
    return new Type("jsonb", "TEXT");
  }

  /** The type as {@code dialect} writes it. */
  public String sql(SqlDialect dialect) {
    return dialect == SqlDialect.POSTGRESQL ? postgresql : sqlite;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Type type
        && type.postgresql.equals(postgresql)
        && type.sqlite.equals(sqlite);
  }

  @Override
  public int hashCode() {
    return postgresql.hashCode();
  }

  @Override
  public String toString() {
    return postgresql;
  }
}
