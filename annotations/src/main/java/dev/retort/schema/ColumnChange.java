package dev.retort.schema;

import java.util.Optional;

/**
 * What {@code alterColumn} changes: {@code ColumnChange.of().type(Type.text()).notNull()}. Each
 * part left out stays as it is. Immutable.
 */
public final class ColumnChange {

  private final Optional<Type> type;
  private final Optional<Boolean> notNull;
  private final Optional<Optional<Default>> serverDefault;
  private final Optional<String> name;

  private ColumnChange(
      Optional<Type> type,
      Optional<Boolean> notNull,
      Optional<Optional<Default>> serverDefault,
      Optional<String> name) {
    this.type = type;
    this.notNull = notNull;
    this.serverDefault = serverDefault;
    this.name = name;
  }

  /** No change yet. */
  public static ColumnChange of() {
    return new ColumnChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A new type; PostgreSQL converts the values by its cast rules, SQLite keeps them. */
  public ColumnChange type(Type newType) {
    return new ColumnChange(Optional.of(newType), notNull, serverDefault, name);
  }

  /** Refuse NULL from now on. */
  public ColumnChange notNull() {
    return new ColumnChange(type, Optional.of(true), serverDefault, name);
  }

  /** Allow NULL from now on. */
  public ColumnChange nullable() {
    return new ColumnChange(type, Optional.of(false), serverDefault, name);
  }

  /** A new server default. */
  public ColumnChange serverDefault(Default value) {
    return new ColumnChange(type, notNull, Optional.of(Optional.of(value)), name);
  }

  /** No server default from now on. */
  public ColumnChange dropDefault() {
    return new ColumnChange(type, notNull, Optional.of(Optional.empty()), name);
  }

  /** A new name. */
  public ColumnChange rename(String newName) {
    return new ColumnChange(
        type, notNull, serverDefault, Optional.of(Names.check("column", newName)));
  }

  /** The new type, if it changes. */
  public Optional<Type> newType() {
    return type;
  }

  /** The new nullability (true: NOT NULL), if it changes. */
  public Optional<Boolean> newNotNull() {
    return notNull;
  }

  /** The new default (empty inside: none), if it changes. */
  public Optional<Optional<Default>> newDefault() {
    return serverDefault;
  }

  /** The new name, if it changes. */
  public Optional<String> newName() {
    return name;
  }

  /** Whether anything but the name changes: SQLite renames in place, but rebuilds for the rest. */
  boolean beyondName() {
    return type.isPresent() || notNull.isPresent() || serverDefault.isPresent();
  }
}
