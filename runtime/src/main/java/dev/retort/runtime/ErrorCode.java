package dev.retort.runtime;

/**
 * What went wrong, for programs that react to a {@link RetortException}. Each code means one kind
 * of fault, so a program can tell a mistake in how it calls Retort ({@link #INVALID_ARGUMENT},
 * {@link #NO_DATABASE}, {@link #INVALID_URL}, the target codes) from a database that is down
 * ({@link #CONNECTION_FAILED}) or a migration that failed ({@link #MIGRATION_FAILED}).
 */
public enum ErrorCode {
  /** The registries' revisions do not form a valid graph. */
  INVALID_GRAPH,
  /** No registry, or registries without revisions. */
  EMPTY_REGISTRY,
  /** A target names no revision. */
  UNKNOWN_REVISION,
  /** A target prefix matches several revisions. */
  AMBIGUOUS_REVISION,
  /** {@code head} (or a relative target) is ambiguous because there are several heads. */
  MULTIPLE_HEADS,
  /** A relative target runs off the graph, or through a branch point or merge. */
  OUT_OF_RANGE,
  /** A downgrade target is not applied. */
  NOT_APPLIED,
  /** The database records a revision this application does not contain. */
  UNKNOWN_DATABASE_REVISION,
  /** A downgrade would pass through an irreversible revision. */
  IRREVERSIBLE,
  /** An applied revision's source changed after it was applied. */
  CHECKSUM_DRIFT,
  /** A migration body failed; its transaction was rolled back. */
  MIGRATION_FAILED,
  /** A non-transactional revision failed or was interrupted earlier and must be resolved. */
  INCOMPLETE_REVISION,
  /**
   * The version table holds what no run of Retort leaves: a {@code NULL} id, or a row that is an
   * ancestor of another; or it is missing while its history table is there. A stamp sets it right.
   */
  INVALID_VERSION_TABLE,
  /** Another process held the migration lock for longer than the lock timeout. */
  LOCK_TIMEOUT,
  /** The version table name or schema is not a plain identifier. */
  INVALID_IDENTIFIER,
  /** A migration used the live connection while writing an offline script. */
  OFFLINE_UNSUPPORTED,
  /** The database could not be reached: the driver was missing or the connection failed. */
  CONNECTION_FAILED,
  /**
   * The command needs a database and none was configured: build with {@code dataSource(...)} or
   * {@code url(...)}. Offline SQL needs at least to know which database ({@code dialect(...)}).
   */
  NO_DATABASE,
  /** A database URL is malformed or of a kind Retort cannot turn into a JDBC URL. */
  INVALID_URL,
  /**
   * An argument has the wrong form for the command, such as an offline downgrade given one revision
   * instead of a range {@code FROM:TO}.
   */
  INVALID_ARGUMENT,
  /** The database is not one Retort supports. */
  UNSUPPORTED_DATABASE,
  /** Any other database error outside a migration body. */
  DATABASE_ERROR
}
