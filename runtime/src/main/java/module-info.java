/**
 * Retort's runtime: applies a generated {@code MigrationRegistry} to a database over JDBC, with no
 * reflection and no classpath scanning.
 */
module dev.retort.runtime {
  requires transitive dev.retort;
  requires org.slf4j;
}
