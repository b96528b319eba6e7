package dev.retort.runtime;

import java.util.Optional;

/**
 * A revision the database holds, and how it came to, as the history table tells.
 *
 * @param id the revision id
 * @param how {@code upgrade} when it ran, {@code stamp} when it was recorded without running (a
 *     stamp of it or of a later revision), {@code unknown} when the history does not say (as in a
 *     database adopted from Alembic)
 * @param at when, by the database's clock; empty when unknown
 * @param by the database user who ran it, else the operating-system user; empty when unknown
 */
public record AppliedRevision(String id, String how, Optional<String> at, Optional<String> by) {}
