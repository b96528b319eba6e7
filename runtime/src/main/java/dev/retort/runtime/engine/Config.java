package dev.retort.runtime.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@code Retort.Builder} was told, checked.
 *
 * @param source the database, or empty for a Retort that only answers questions about the graph
 * @param table the version table's name, a plain identifier
 * @param schema the schema of the version and history tables, or empty for the connection's
 * @param lockTimeout how long to wait for another process's migration lock
 * @param acceptChecksumDrift whether a changed applied revision is only a warning
 * @param startupRetry how {@code upgradeOnStartup} retries connecting
 * @param lockWait how a transactional revision waits for locks other sessions hold
 * @param dialect the dialect's name for offline SQL, when known
 */
public record Config(
    Optional<ConnectionSource> source,
    String table,
    Optional<String> schema,
    Duration lockTimeout,
    boolean acceptChecksumDrift,
    Retry startupRetry,
    LockWait lockWait,
    Optional<String> dialect) {}
