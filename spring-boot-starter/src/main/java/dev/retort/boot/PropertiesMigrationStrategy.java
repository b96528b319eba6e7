package dev.retort.boot;

import dev.retort.runtime.Retort;
import dev.retort.runtime.Status;

/** The start-up that {@code retort.mode} and {@code retort.target} describe. */
final class PropertiesMigrationStrategy implements RetortMigrationStrategy {

  private final RetortProperties properties;

  PropertiesMigrationStrategy(RetortProperties properties) {
    this.properties = properties;
  }

  @Override
  public void migrate(Retort retort) {
    switch (properties.mode()) {
      case MIGRATE -> upgrade(retort);
      case VALIDATE -> validate(retort);
    }
  }

  private void upgrade(Retort retort) {
    retort.upgradeOnStartupTo(properties.target());
  }

  private static void validate(Retort retort) {
    Status status = retort.check();
    if (!status.upToDate()) throw new DatabaseNotUpToDateException(status);
  }
}
