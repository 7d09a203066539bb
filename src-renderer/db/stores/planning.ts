/**
 * Dexie stores of the planning domain added in schema version 2: a changed index string
 * replaces the version-1 definition of that table; a new kind needs its table here. Not
 * shipped yet, so editable until the release that ships version 2; after that, changes go to a
 * new version.
 */
export const PLANNING_STORES_V2: Record<string, string> = {};
