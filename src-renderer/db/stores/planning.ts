/**
 * Dexie stores of the planning domain added in schema version 2: a changed index string
 * replaces the version-1 definition of that table; a new kind needs its table here. Not
 * shipped yet, so editable until the release that ships version 2; after that, changes go to a
 * new version.
 *
 * [lineId+start] gives one line's batches in time order straight from the index (the
 * production screen's day per line, a line's last batch when planning after it); `state`
 * keeps the open batches apart from the thousands that are done.
 */
export const PLANNING_STORES_V2: Record<string, string> = {
  batch: 'id, lineId, state, orderId, start, [lineId+start]',
  'production-line': 'id, code',
};
