package dev.retort.graph;

import java.util.List;

/**
 * What an offline script covers: the version rows it starts from (FROM, since there is no database
 * to read them) and the revisions it applies or reverts.
 *
 * @param rows the version rows FROM stands for; empty for base
 * @param revisions for an upgrade, the revisions to reach; for a downgrade, those to revert, in
 *     topological order
 */
public record OfflineRange(List<String> rows, List<String> revisions) {}
