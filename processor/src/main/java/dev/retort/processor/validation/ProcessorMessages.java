package dev.retort.processor.validation;

/**
 * The texts of the diagnostics about single classes. Graph-wide problems (cycles, missing ids,
 * duplicates, heads) have their texts in the shared graph core, so that the runtime says the same.
 */
final class ProcessorMessages {

  private ProcessorMessages() {}

  static String notAMigration(String type) {
    return "[Retort/NotAMigration] "
        + type
        + " is annotated @Revision but does not implement dev.retort.Migration;"
        + " add 'implements Migration' with upgrade and downgrade methods";
  }

  static String notAClass(String type) {
    return "[Retort/NotAClass] "
        + type
        + " is annotated @Revision but is not a concrete class;"
        + " put @Revision on a non-abstract class that implements Migration";
  }

  static String noConstructor(String type) {
    return "[Retort/NoConstructor] "
        + type
        + " has no accessible no-argument constructor, which the generated registry calls;"
        + " add one (it may be package-private when the registry is in the same package)";
  }

  static String inaccessible(String type, String registry) {
    return "[Retort/Inaccessible] "
        + type
        + " cannot be instantiated from the generated registry "
        + registry
        + "; make it public (and static if nested), or put the registry in its package with"
        + " -Aretort.registry";
  }

  static String inUnnamedPackage(String type, String registry) {
    return "[Retort/Inaccessible] "
        + type
        + " is in the unnamed package, which the generated registry "
        + registry
        + " cannot refer to from its package; move the class into a named package";
  }

  static String missingDowngrade(String type, String id) {
    return "[Retort/MissingDowngrade] revision '"
        + id
        + "' ("
        + type
        + ") does not override downgrade(MigrationContext); write the downgrade, or mark the"
        + " class @Irreversible(\"why it cannot be undone\")";
  }

  static String blankIrreversibleReason(String type) {
    return "[Retort/IrreversibleReason] @Irreversible on "
        + type
        + " gives no reason; say why the revision cannot be undone, it is shown when a"
        + " downgrade is refused";
  }
}
