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
 */
public record Engine(
    Catalog catalog,
    MigrateCommand migrate,
    StampCommand stamp,
    StatusCommand status,
    ScriptCommand script) {

  /**
   * The engine of {@code registries} with {@code config}; checks the registries, connects nowhere.
   */
  public static Engine create(List<MigrationRegistry> registries, Config config) {
    Catalog catalog = Registries.merge(registries);
    SafetyChecks checks = new SafetyChecks(catalog, config.acceptChecksumDrift());
    SessionTemplate sessions = new SessionTemplate(config, checks);
    return new Engine(
        catalog,
        new MigrateCommand(catalog, sessions, checks, config.startupRetry()),
        new StampCommand(catalog, sessions, checks),
        new StatusCommand(catalog, sessions, checks),
        new ScriptCommand(catalog, config));
  }
}
