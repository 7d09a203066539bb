/**
 * Dexie stores of the quality domain added in schema version 2: a changed index string replaces
 * the version-1 definition of that table; a new kind needs its table here. Not shipped yet, so
 * editable until the release that ships version 2; after that, changes go to a new version.
 */
export const QUALITY_STORES_V2: Record<string, string> = {
  'inspection-plan': 'id, model, stage',
  // Lots by batch (the batch's inspections), by state (the open-lot list) and by target.
  'inspection-lot': 'id, batchId, state, planId, target.id, closedAt',
  // One reading each: by lot for the logging screen, by series (plan/characteristic) in id
  // order (UUIDv7 = roughly creation order) for the control chart's most recent readings.
  inspection: 'id, batchId, lotId, [series+id]',
  'sampling-state': 'id, model',
  ncr: 'id, batchId, state, lotId, target.id',
  'corrective-action': 'id, ncrId, state, assignee, dueDate',
  'material-lot': 'id, code',
};
