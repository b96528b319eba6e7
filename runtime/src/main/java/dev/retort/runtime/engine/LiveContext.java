package dev.retort.runtime.engine;

import dev.retort.MigrationContext;
import dev.retort.RevisionInfo;
import dev.retort.runtime.dialect.SqliteTableRebuild;
import dev.retort.schema.Operation;
import dev.retort.schema.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a migration's statements on the live connection and remembers the one that failed. */
final class LiveContext implements MigrationContext {

  private static final Logger LOG = LoggerFactory.getLogger(LiveContext.class);

  private final Connection connection;
  private final String dialect;
  private final String revisionId;
  private final boolean transactional;
  private String failedSql;

  LiveContext(Connection connection, String dialect, RevisionInfo revision) {
    this.connection = connection;
    this.dialect = dialect;
    this.revisionId = revision.id();
    this.transactional = revision.transactional();
  }

  /**
   * Runs {@code operation}; on SQLite one it cannot do in place rebuilds the table, reading its
   * definition from this connection.
   */
  @Override
  public void apply(Operation operation) throws SQLException {
    if (SqlDialect.named(dialect) != SqlDialect.SQLITE || operation.sqliteRebuild().isEmpty()) {
      MigrationContext.super.apply(operation);
      return;
    }
    LOG.debug(
        "{}: rebuilding table {} for {}", revisionId, operation.sqliteRebuild().get(), operation);
    for (String sql : SqliteTableRebuild.statements(connection, operation)) execute(sql);
  }

  @Override
  public void execute(String sql) throws SQLException {
    LOG.debug("{}: {}", revisionId, sql);
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (Throwable e) {
      // Whatever the driver throws, errors included, the statement is what the report names.
      failedSql = sql;
      throw e;
    }
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public String dialect() {
    return dialect;
  }

  @Override
  public String revisionId() {
    return revisionId;
  }

  @Override
  public boolean offline() {
    return false;
  }

  @Override
  public boolean transactional() {
    return transactional;
  }

  /** The statement passed to {@link #execute} that failed, or {@code null}. */
  String failedSql() {
    return failedSql;
  }
}
