package dev.retort.runtime.plan;

import dev.retort.RevisionInfo;
import java.util.List;

/**
 * One revision applied or reverted, with the version rows before and after it.
 *
 * @param revision the revision
 * @param direction up or down
 * @param rowsBefore the version rows the step expects to find, sorted
 * @param rowsAfter the version rows it leaves, sorted
 */
public record Step(
    RevisionInfo revision, Direction direction, List<String> rowsBefore, List<String> rowsAfter) {}
