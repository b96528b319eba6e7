package dev.retort.processor;

import dev.retort.MigrationContext;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** Records the statements a migration executes, as offline mode does; it has no database. */
public final class RecordingContext implements MigrationContext {

  private final String revision;
  private final List<String> statements = new ArrayList<>();

  /** A context for running the migration of {@code revision}. */
  public RecordingContext(String revision) {
    this.revision = revision;
  }

  /** Every statement executed so far, in order. */
  public List<String> statements() {
    return List.copyOf(statements);
  }

  @Override
  public void execute(String sql) {
    statements.add(sql);
  }

  @Override
  public Connection connection() {
    throw new IllegalStateException("offline");
  }

  @Override
  public String dialect() {
    return "sqlite";
  }

  @Override
  public String revisionId() {
    return revision;
  }

  @Override
  public boolean offline() {
    return true;
  }
}
