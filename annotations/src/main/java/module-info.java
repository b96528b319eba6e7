/** The API that migration classes and generated registries compile against. */
module dev.retort {
  requires transitive java.sql;

  exports dev.retort;
  exports dev.retort.schema;
}
