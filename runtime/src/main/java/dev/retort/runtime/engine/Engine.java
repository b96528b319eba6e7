package dev.retort.runtime.engine;

import dev.retort.MigrationRegistry;
import java.util.List;

/**
 * The commands behind the {@code Retort} facade, one class each, over one catalog of revisions and
 * one session template.
 *
 * @param catalog the revisions, as one checked graph
 * @param migrate upgrade, downgrade and the start-up upgrade
 * @param stamp stamp
 * @param status current and check
 * @param script offline SQL
 * @param repair recording changed checksums again
 * @param diff the database's schema compared with the registries'
 */
public record Engine(
    Catalog catalog,
    MigrateCommand migrate,
    StampCommand stamp,
    StatusCommand status,
    ScriptCommand script,
    RepairCommand repair,
    SchemaDiffCommand diff) {

  /**
   * The engine of {@code registries} with {@code config}; checks the registries, connects nowhere.
   */
  public static Engine create(List<MigrationRegistry> registries, Config config) {
    return create(Registries.merge(registries), config);
  }

  /** The engine of a catalog already checked, with {@code config}: another database, same graph. */
  public static Engine create(Catalog catalog, Config config) {
    SessionTemplate sessions =
        new SessionTemplate(config, new SafetyChecks(catalog, config.acceptChecksumDrift()));
    return new Engine(
        catalog,
        new MigrateCommand(catalog, sessions, config.startupRetry()),
        new StampCommand(catalog, sessions),
        new StatusCommand(catalog, sessions),
        new ScriptCommand(catalog, config),
        new RepairCommand(catalog, sessions),
        new SchemaDiffCommand(catalog, config));
  }
}
