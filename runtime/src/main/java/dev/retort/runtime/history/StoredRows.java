package dev.retort.runtime.history;

import java.util.List;

/**
 * The version table as read, before anyone judges it.
 *
 * @param table the version table's qualified, quoted name, as messages name it
 * @param ids the revision ids of its rows, sorted, without the blanks a {@code CHAR(n)} column pads
 *     them with
 * @param nulls how many rows hold {@code NULL}, which names no revision and which Retort never
 *     writes (a version table made by hand or by another tool may allow it)
 */
public record StoredRows(String table, List<String> ids, int nulls) {

  /** Copies {@code ids}. */
  public StoredRows {
    ids = List.copyOf(ids);
  }
}
