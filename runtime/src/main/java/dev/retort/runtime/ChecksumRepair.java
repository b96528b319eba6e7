package dev.retort.runtime;

/**
 * One checksum {@link Retort#repair()} recorded: an applied revision whose source changed on
 * purpose.
 *
 * @param revision the revision's id
 * @param previous the checksum the history held for it
 * @param recorded the registry's checksum, now recorded
 */
public record ChecksumRepair(String revision, String previous, String recorded) {}
