package dev.retort.runtime.dialect;

/**
 * The session that holds the migration lock, as a lock timeout names it.
 *
 * @param description who it is and what it runs, e.g. {@code PostgreSQL session pid 4242
 *     (application 'retort upgrade', ...)}
 * @param remedy how to end it when its process is gone
 */
public record LockHolder(String description, String remedy) {}
